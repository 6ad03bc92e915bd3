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
/// Data never ends the file early: a row that cannot be written is left out and logged (Warning, with its call id);
/// a time the business time zone cannot show is already left empty by the export query, also logged.
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
        var logger = response.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CallLogCsv));
        await foreach (var row in export.Rows.WithCancellation(ct))
        {
            // Formatted before anything is written, so a row that fails leaves no half record behind: the file stays
            // well-formed and the export goes on (the response is already being sent; it cannot become an error now).
            string?[] fields;
            try
            {
                fields = Fields(row);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException or NotSupportedException)
            {
                logger.LogWarning(e, "Export: call {CallId} left out, its row cannot be written", row.Id);
                continue;
            }
            foreach (var field in fields) csv.WriteField(field);
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

    /// <summary>One row's fields in <see cref="Columns"/> order, as text.</summary>
    private static string?[] Fields(CallLogExportRow r) =>
    [
        r.Id, Time(r.CreatedAt), Number(r.AgentId), Text(r.AgentName), r.DriverId, Text(r.DriverName), r.DriverTmId, r.DriverPhone,
        Enum<CallProvider>(r.Provider), Enum<CallStatus>(r.Status), Enum(r.MissedBy), Enum(r.Outcome), Text(r.Feedback), Text(r.Remarks),
        Text(r.Notes), Number(r.DurationSeconds), Time(r.AnsweredAt), Time(r.EndedAt), Time(r.FollowUpAt), r.HangupReason, r.FailureReason,
        r.HasRecording ? "true" : "false", r.TeleCmiRequestId,
    ];

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

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
