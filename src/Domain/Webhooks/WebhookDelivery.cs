namespace TeleCmi.Domain.Webhooks;

/// <summary>How a stored webhook delivery relates to our calls.</summary>
public enum WebhookMatch
{
    /// <summary>Stored, not yet looked at.</summary>
    Received = 0,
    /// <summary>Matched a call and applied.</summary>
    Applied = 1,
    /// <summary>Matched a call but taught it nothing new (duplicate or older news).</summary>
    NoChange = 2,
    /// <summary>No call found yet; retried when the call appears.</summary>
    Unmatched = 3,
    /// <summary>Matched, but the payload could not be used (e.g. unknown type).</summary>
    Ignored = 4,
}

/// <summary>
/// One webhook delivery from TeleCMI, stored as received with its receive time (committed before it is answered), so that
/// nothing TeleCMI tells us is lost even when it matches no call or carries a status we do not know.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery() { }

    public WebhookDelivery(string payload, string payloadHash, DateTime receivedAtUtc)
    {
        Payload = payload;
        PayloadHash = payloadHash;
        ReceivedAt = receivedAtUtc;
        Match = WebhookMatch.Received;
    }

    public long Id { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    /// <summary>The body exactly as received.</summary>
    public string Payload { get; private set; } = string.Empty;
    /// <summary>SHA-256 of the body, hex; the same delivery twice has the same hash.</summary>
    public string PayloadHash { get; private set; } = string.Empty;
    public string? Type { get; private set; }
    public string? Status { get; private set; }
    public string? Leg { get; private set; }
    public string? CallId { get; private set; }
    public string? RequestId { get; private set; }
    public string? ConversationId { get; private set; }
    public string? LegId { get; private set; }
    /// <summary>Our call id as echoed in <c>extra_params</c>/<c>custom</c>.</summary>
    public string? EchoedCallId { get; private set; }
    /// <summary>TeleCMI's own time for the event (UTC).</summary>
    public DateTime? EventAt { get; private set; }
    public WebhookMatch Match { get; private set; }
    /// <summary>Why the last attempt matched no call, or matched one but changed nothing; null once applied.</summary>
    public string? Reason { get; private set; }
    public DateTime? ProcessedAt { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>Keeps the identifying fields pulled out of the payload, for matching and for reports.</summary>
    public void Describe(string? type, string? status, string? leg, string? echoedCallId, string? requestId,
        string? conversationId, string? legId, DateTime? eventAt)
    {
        Type = Clip(type, 32);
        Status = Clip(status, 32);
        Leg = Clip(leg, 16);
        EchoedCallId = Clip(echoedCallId, 64);
        RequestId = Clip(requestId, 128);
        ConversationId = Clip(conversationId, 128);
        LegId = Clip(legId, 128);
        EventAt = eventAt;
    }

    /// <summary>Longest <see cref="Reason"/> kept.</summary>
    public const int MaxReasonLength = 300;

    /// <summary>True once the delivery matched a call (whether or not it changed it).</summary>
    public bool IsMatched => CallId is not null;

    /// <summary>
    /// Records the result of an attempt to apply the delivery, and why it did not apply when it did not. A delivery that
    /// once applied stays <see cref="WebhookMatch.Applied"/> when applied again teaches its call nothing (facts merge as
    /// maxima, so a second application is always a no-op); once matched, it keeps its call.
    /// </summary>
    public void Processed(WebhookMatch match, string? callId, DateTime nowUtc, string? reason = null)
    {
        if (!(Match == WebhookMatch.Applied && match == WebhookMatch.NoChange))
        {
            Match = match;
            Reason = match == WebhookMatch.Applied ? null : Clip(reason, MaxReasonLength);
        }
        CallId = callId ?? CallId;
        ProcessedAt = nowUtc;
        Attempts++;
    }

    /// <summary>
    /// Replaces the stored body with one whose personal data is masked (a driver's erasure). The hash stays that of the body
    /// as received, so a redelivery of the original is still known as one.
    /// </summary>
    public bool RedactPayload(string redacted)
    {
        if (redacted == Payload) return false;
        Payload = redacted;
        return true;
    }

    private static string? Clip(string? value, int max) =>
        value is null ? null : value.Length <= max ? value : value[..max];
}
