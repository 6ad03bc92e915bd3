using System.Globalization;
using System.Text.Json;

namespace TeleCmi.Application.Webhooks.Common;

/// <summary>
/// The fields of a TeleCMI webhook we use, read tolerantly: numbers may come as strings, <c>app_id</c> as
/// <c>appid</c>, <c>extra_params</c> as an object or as a string holding JSON. Unknown fields are ignored
/// here (the raw body is stored anyway).
/// </summary>
public sealed record TeleCmiWebhook(
    string? Type, string? Status, string? Leg, string? LegId, string? ConversationId, string? RequestId,
    string? EchoedCallId, DateTime? Time, int? AnsweredSeconds, string? HangupReason, string? RecordingFile,
    string? To, string? From, string? User, string? AppId)
{
    /// <summary>Parses a webhook body; throws <see cref="JsonException"/> when it is not a JSON object.</summary>
    public static TeleCmiWebhook Parse(string body)
    {
        using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("The webhook body must be a JSON object.");
        var root = doc.RootElement;
        var filename = Text(root, "filename") ?? Text(root, "record_file") ?? Text(root, "recording");
        // Some payloads put the file name in "record"; others use "record" as the flag true/"true".
        var record = Text(root, "record");
        if (filename is null && record is not null && record is not ("true" or "false" or "1" or "0")) filename = record;
        return new TeleCmiWebhook(
            Type: Lower(Text(root, "type")),
            Status: Lower(Text(root, "status")),
            Leg: Lower(Text(root, "leg")),
            LegId: Text(root, "cmiuuid"),
            ConversationId: Text(root, "conversation_uuid"),
            RequestId: Text(root, "request_id"),
            EchoedCallId: EchoedCall(root),
            Time: EpochTime(root, "time"),
            AnsweredSeconds: Integer(root, "answeredsec"),
            HangupReason: Lower(Text(root, "hangup_reason")),
            RecordingFile: filename,
            To: Text(root, "to"),
            From: Text(root, "from"),
            User: Text(root, "user"),
            AppId: Text(root, "app_id") ?? Text(root, "appid"));
    }

    private static string? EchoedCall(JsonElement root)
    {
        foreach (var name in new[] { "extra_params", "custom" })
        {
            if (!root.TryGetProperty(name, out var value)) continue;
            var found = CallIdIn(value, depth: 0);
            if (found is not null) return found;
        }
        return null;
    }

    private static string? CallIdIn(JsonElement value, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var key in new[] { "call_id", "callId", "callid" })
                    if (value.TryGetProperty(key, out var id) && id.ValueKind == JsonValueKind.String) return id.GetString();
                return null;
            case JsonValueKind.String:
                var text = value.GetString();
                if (string.IsNullOrWhiteSpace(text)) return null;
                if (text.StartsWith("call_", StringComparison.Ordinal)) return text;
                if (depth > 0 || !text.TrimStart().StartsWith('{')) return null;
                try
                {
                    using var inner = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
                    return CallIdIn(inner.RootElement.Clone(), depth + 1);
                }
                catch (JsonException)
                {
                    return null;
                }
            default:
                return null;
        }
    }

    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static string? Lower(string? value) => value?.Trim().ToLowerInvariant();

    private static int? Integer(JsonElement root, string name) =>
        decimal.TryParse(Text(root, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= int.MaxValue
            ? (int)Math.Round(d) : null;

    private static DateTime? EpochTime(JsonElement root, string name)
    {
        if (!long.TryParse(Text(root, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch) || epoch <= 0) return null;
        // TeleCMI sends epoch milliseconds; a 10-digit value is seconds.
        var ms = epoch < 100_000_000_000 ? epoch * 1000 : epoch;
        return ms > 253_402_300_799_000 ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
    }
}
