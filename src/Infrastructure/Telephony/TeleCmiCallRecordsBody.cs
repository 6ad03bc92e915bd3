using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>The JSON body of <c>POST /v2/out_answered</c> and <c>/v2/out_missed</c>: times in epoch milliseconds, UTC.</summary>
internal sealed record TeleCmiCallRecordsBody(
    [property: JsonPropertyName("appid")] JsonElement AppId,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("start_date")] long StartDate,
    [property: JsonPropertyName("end_date")] long EndDate,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("limit")] int Limit)
{
    public static TeleCmiCallRecordsBody From(TeleCmiOptions o, DateTime fromUtc, DateTime toUtc, int page, int limit) => new(
        // TeleCMI documents the app id as a number; an id that is not one is sent as it is.
        long.TryParse(o.AppId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? JsonSerializer.SerializeToElement(id) : JsonSerializer.SerializeToElement(o.AppId ?? ""),
        o.AppSecret ?? "",
        new DateTimeOffset(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
        new DateTimeOffset(DateTime.SpecifyKind(toUtc, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
        page,
        Math.Clamp(limit, 1, ITeleCmiCallRecords.MaxPageSize));
}

/// <summary>
/// Reads TeleCMI's call-record answer (<c>{"count": N, "cdr": [...]}</c>) tolerantly: numbers as strings and strings as
/// numbers (<c>to</c>, <c>from</c>, <c>time</c>, <c>record</c>), <c>count</c> or <c>total</c>, <c>cmiuid</c> or
/// <c>cmiuuid</c>; an entry without a usable time is skipped.
/// </summary>
internal static class TeleCmiCallRecordsReply
{
    /// <summary>The records of a 200 answer without an error code; null when the body is no such document.</summary>
    public static (int Total, List<CallRecord> Records)? Parse(string text, CallRecordKind kind)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (Integer(root, "code") is { } code && code != 200) return null;
            var records = new List<CallRecord>();
            if (root.TryGetProperty("cdr", out var cdr) && cdr.ValueKind == JsonValueKind.Array)
                foreach (var item in cdr.EnumerateArray())
                    if (Read(item, kind) is { } record) records.Add(record);
            var total = Integer(root, "count") ?? Integer(root, "total") ?? records.Count;
            return (total, records);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CallRecord? Read(JsonElement item, CallRecordKind kind)
    {
        if (item.ValueKind != JsonValueKind.Object || Long(item, "time") is not { } ms || ms <= 0) return null;
        var record = Text(item, "record");
        var file = Text(item, "filename");
        return new CallRecord(kind, Text(item, "cmiuid") ?? Text(item, "cmiuuid"), Text(item, "agent") ?? Text(item, "user"), Text(item, "to"),
            DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime, Integer(item, "duration") ?? 0, Integer(item, "billedsec") ?? Integer(item, "answeredsec") ?? 0,
            string.Equals(record, "false", StringComparison.OrdinalIgnoreCase) ? null : file);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        } : null;

    private static long? Long(JsonElement root, string name) =>
        decimal.TryParse(Text(root, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= long.MaxValue ? (long)n : null;

    private static int? Integer(JsonElement root, string name) =>
        Long(root, name) is { } n && n <= int.MaxValue ? (int)n : null;
}
