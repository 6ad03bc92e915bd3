using System.Text.Json;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>Realistic TeleCMI webhook payloads, with the field-type variations TeleCMI really sends.</summary>
public static class Webhooks
{
    private static long clock = 1_764_000_000_000;

    public static Dictionary<string, object?> Event(string? callId, string? requestId, string leg, string status, string to, bool extraAsString = false)
    {
        var time = Interlocked.Add(ref clock, 1000);
        var hook = new Dictionary<string, object?>
        {
            ["type"] = "event", ["status"] = status, ["leg"] = leg, ["direction"] = "outbound",
            ["cmiuuid"] = $"{leg}-leg-{callId ?? requestId}", ["conversation_uuid"] = $"conv-{callId ?? requestId}",
            ["to"] = leg == "a" ? to : long.Parse(to), ["from"] = "918000000000", ["appid"] = "1111112", ["time"] = time.ToString(),
        };
        if (requestId is not null) hook["request_id"] = requestId;
        if (callId is not null) hook["extra_params"] = extraAsString ? JsonSerializer.Serialize(new { call_id = callId }) : new { call_id = callId };
        return hook;
    }

    public static Dictionary<string, object?> Cdr(string? callId, string? requestId, string leg, string status, string to, int answeredSeconds, string hangupReason, string? recording)
    {
        var hook = Event(callId, requestId, leg, status, to, extraAsString: leg == "b");
        hook["type"] = "cdr";
        hook["answeredsec"] = leg == "b" ? answeredSeconds.ToString() : answeredSeconds;
        hook["hangup_reason"] = hangupReason;
        hook.Remove("appid");
        hook["app_id"] = 1111112;
        if (recording is not null) { hook["record"] = "true"; hook["filename"] = recording; }
        return hook;
    }

    /// <summary>a-leg started/answered, b-leg started/answered, both CDRs.</summary>
    public static IEnumerable<Dictionary<string, object?>> HappyPath(string callId, string requestId, string driverDigits, int talkSeconds, string? recording)
    {
        yield return Event(callId, requestId, "a", "started", "919100000001");
        yield return Event(callId, requestId, "a", "answered", "919100000001", extraAsString: true);
        yield return Event(callId, requestId, "b", "started", driverDigits);
        yield return Event(callId, requestId, "b", "answered", driverDigits);
        yield return Cdr(callId, requestId, "a", "answered", "919100000001", talkSeconds + 5, "sent_bye", null);
        yield return Cdr(callId, requestId, "b", "answered", driverDigits, talkSeconds, "recv_bye", recording);
    }
}
