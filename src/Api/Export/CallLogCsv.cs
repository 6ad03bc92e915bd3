using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Net.Http.Headers;
using TeleCmi.Application.Calls.ExportCallLogs;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Api.Export;

/// <summary>
/// Writes a call export as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read non-Latin names),
/// row by row: rows are read from the database, written to a small buffer and sent every
/// <see cref="RowsPerChunk"/> rows, so memory stays flat however many calls there are.
/// Enum values are written as in the JSON API (<c>telecmi</c>, <c>not_reachable</c>); times are ISO 8601 with offset.
/// Names, feedback, remarks and notes that a spreadsheet would run as a formula are escaped (see <see cref="Text"/>).
/// </summary>
public static class CallLogCsv
{
    public const string ContentType = "text/csv; charset=utf-8";
    private const int RowsPerChunk = 200;
    private static readonly JsonSerializerOptions EnumJson = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };

    /// <summary>The CSV columns, in order.</summary>
    public static readonly string[] Columns =
    [
        "id", "created_at", "agent_id", "agent_name", "driver_id", "driver_name", "driver_tm_id", "driver_phone", "provider", "status",
        "missed_by", "outcome", "feedback", "remarks", "notes", "duration_seconds", "answered_at", "ended_at", "follow_up_at",
        "hangup_reason", "failure_reason", "has_recording", "telecmi_request_id",
    ];

    public static async Task WriteAsync(HttpResponse response, CallLogExport export, CancellationToken ct)
    {
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = export.FileName }.ToString();
        response.Headers.CacheControl = "no-store";
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        await response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);

        var buffer = new StringWriter(CultureInfo.InvariantCulture);
        await using var csv = new CsvWriter(buffer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" });
        foreach (var column in Columns) csv.WriteField(column);
        await csv.NextRecordAsync();

        var rows = 0;
        await foreach (var row in export.Rows.WithCancellation(ct))
        {
            WriteRow(csv, row);
            await csv.NextRecordAsync();
            if (++rows % RowsPerChunk == 0) await SendAsync();
        }
        await SendAsync();

        async Task SendAsync()
        {
            await csv.FlushAsync();
            var text = buffer.GetStringBuilder();
            if (text.Length == 0) return;
            await response.Body.WriteAsync(utf8.GetBytes(text.ToString()), ct);
            text.Clear();
        }
    }

    private static void WriteRow(CsvWriter csv, CallLogExportRow r)
    {
        csv.WriteField(r.Id);
        csv.WriteField(Time(r.CreatedAt));
        csv.WriteField(r.AgentId);
        csv.WriteField(Text(r.AgentName));
        csv.WriteField(r.DriverId);
        csv.WriteField(Text(r.DriverName));
        csv.WriteField(r.DriverTmId);
        csv.WriteField(r.DriverPhone);
        csv.WriteField(Enum<CallProvider>(r.Provider));
        csv.WriteField(Enum<CallStatus>(r.Status));
        csv.WriteField(Enum(r.MissedBy));
        csv.WriteField(Enum(r.Outcome));
        csv.WriteField(Text(r.Feedback));
        csv.WriteField(Text(r.Remarks));
        csv.WriteField(Text(r.Notes));
        csv.WriteField(r.DurationSeconds);
        csv.WriteField(Time(r.AnsweredAt));
        csv.WriteField(Time(r.EndedAt));
        csv.WriteField(Time(r.FollowUpAt));
        csv.WriteField(r.HangupReason);
        csv.WriteField(r.FailureReason);
        csv.WriteField(r.HasRecording ? "true" : "false");
        csv.WriteField(r.TeleCmiRequestId);
    }

    /// <summary>
    /// Free text typed by people: a value a spreadsheet would run as a formula (starting with = + - @, or a tab or
    /// carriage return) gets a leading apostrophe (OWASP "CSV injection"). Everything else is written as it is.
    /// </summary>
    public static string? Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string? Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string? Enum<T>(T? value) where T : struct, System.Enum =>
        value is { } v ? JsonSerializer.Serialize(v, EnumJson).Trim('"') : null;
}
