using System.Text.Json;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Application.Webhooks.Common;

/// <summary>A stored webhook delivery as admins see it. Times are UTC.</summary>
/// <param name="Id">Our id for the delivery (the one to replay).</param>
/// <param name="ReceivedAt">When it reached us.</param>
/// <param name="Matched">Whether it matched a call (<c>callId</c>), whether or not it changed it.</param>
/// <param name="Result">What its last application did: received, applied, no_change, unmatched or ignored.</param>
/// <param name="Reason">Why it matched no call, or matched one and changed nothing; null once applied.</param>
/// <param name="CallId">The call it matched, if any.</param>
/// <param name="Type">TeleCMI's <c>type</c> (event or cdr).</param>
/// <param name="Status">TeleCMI's <c>status</c>.</param>
/// <param name="Attempts">How many times it was applied (received, replayed).</param>
/// <param name="ProcessedAt">When it was last applied.</param>
/// <param name="Payload">The body as TeleCMI sent it (JSON).</param>
public sealed record WebhookDeliveryDto(
    long Id, DateTime ReceivedAt, bool Matched, WebhookMatch Result, string? Reason, string? CallId, string? Type, string? Status,
    int Attempts, DateTime? ProcessedAt, JsonElement Payload)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) => new(
        d.Id, d.ReceivedAt, d.IsMatched, d.Match, d.Reason, d.CallId, d.Type, d.Status, d.Attempts, d.ProcessedAt, PayloadOf(d.Payload));

    /// <summary>The stored body as JSON; a body that is not JSON (never stored today) is shown as a JSON string.</summary>
    private static JsonElement PayloadOf(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(body);
        }
    }
}
