using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.Domain.Calls;
using TeleCmi.IntegrationTests.Support;
using static TeleCmi.IntegrationTests.Reports.ReportData;

namespace TeleCmi.IntegrationTests.Reports;

/// <summary>
/// GET /api/calls/export: parsed back with CsvHelper, every field equals what the JSON list says, including
/// commas, quotes, line breaks and non-Latin text; same filters and visibility as the list.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class CallExportTests(DatabaseEngine engine) : ApiFixture(engine)
{
    /// <summary>A formula a spreadsheet would run: exported with a leading apostrophe, the only field not written as it is.</summary>
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
    private const string NastyRemarks = "Said \"call after 5\", loading at Pune;\nthen Nagpur\r\n— ₹12,000, नमस्ते 🚚\tend";
    private HttpClient agentF = null!, agentG = null!, supervisor = null!;
    private int f, g;
    private string agentFName = "";

    protected override void ConfigureService(IWebHostBuilder builder) => PinBusinessClock(builder);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        (agentF, f) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (agentG, g) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        var admin = await Api.AdminAsync();
        agentFName = (await TestApi.ReadAsync(await admin.PatchAsJsonAsync($"/api/agents/{f}", new { displayName = "Priya \"PK\" Kumari, Pune" }), HttpStatusCode.OK))
            ["displayName"]!.GetValue<string>();

        var hindi = await Api.NewDriverAsync("9876566666", "रमेश यादव");
        var tamil = await Api.NewDriverAsync("9876577777", "முருகன், \"Anna\"");
        // Through the API: manual calls with hostile text.
        foreach (var (driverId, outcome) in new[] { (hindi, "connected"), (tamil, "busy") })
        {
            var body = new { driverId, outcome, durationSeconds = 75, feedback = "Line 1, \"quoted\"", remarks = NastyRemarks, notes = Formula };
            await TestApi.ReadAsync(await agentF.PostAsJsonAsync("/api/calls/manual", body), HttpStatusCode.Created);
        }
        // Straight into the database: TeleCMI calls in the past, in every status, with follow-ups.
        var h = Driver(hindi, "रमेश यादव", "9876566666");
        var t = Driver(tamil, "முருகன், \"Anna\"", "9876577777");
        await SaveAsync(Factory,
            WithFeedback(Completed(f, h, "2026-03-10 23:50", 95), CallOutcome.CallBackLater, Ist("2026-03-14 10:30"), remarks: NastyRemarks),
            Missed(f, t, "2026-03-11 00:10", CallOutcome.NotReachable),
            Failed(f, h, "2026-03-12 09:00"),
            Initiated(f, t, "2026-03-12 10:00"),
            Completed(g, h, "2026-03-12 11:00", 40));
    }

    [Test]
    public async Task Export_IsACsvFile_WithAFileName()
    {
        var response = await agentF.GetAsync("/api/calls/export");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"));
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Does.Match(@"^calls-\d{8}-\d{4}\.csv$"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "a UTF-8 byte-order mark, so spreadsheets read the Hindi and Tamil names");
    }

    [Test]
    public async Task Export_RoundTrips_EveryFieldOfEveryRow()
    {
        var listed = (await TestApi.ReadAsync(await agentF.GetAsync("/api/calls?limit=200"), HttpStatusCode.OK))["items"]!.AsArray();
        var rows = await ExportAsync(agentF, "");

        Assert.That(rows, Has.Count.EqualTo(6));
        Assert.That(rows.Select(r => r["id"]), Is.EqualTo(listed.Select(c => c!["id"]!.GetValue<string>())), "same rows, same order (newest first)");
        foreach (var (row, call) in rows.Zip(listed))
        {
            Assert.Multiple(() =>
            {
                Assert.That(row["agent_id"], Is.EqualTo(f.ToString(CultureInfo.InvariantCulture)));
                Assert.That(row["agent_name"], Is.EqualTo(agentFName));
                foreach (var (column, field) in TextColumns)
                    Assert.That(row[column], Is.EqualTo(column == "notes" && Text(call![field]) == Formula ? "'" + Formula : Text(call![field])), column);
                foreach (var (column, field) in TimeColumns)
                {
                    Assert.That(row[column], Is.Empty.Or.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$"), column + " is IST with its offset");
                    Assert.That(ToUtcSeconds(row[column]), Is.EqualTo(ToUtcSeconds(Text(call![field]))), column);
                }
            });
        }
        Assert.That(rows.Count(r => r["remarks"] == NastyRemarks), Is.EqualTo(3), "commas, quotes, CR/LF, tab, Devanagari, emoji survive");
        Assert.That(rows.Count(r => r["notes"] == "'" + Formula), Is.EqualTo(2), "formulas are defused (CSV injection)");
        Assert.That(rows.Select(r => r["driver_phone"]), Has.All.StartWith("+91"), "phone numbers keep their plus");
        Assert.That(rows.Select(r => r["driver_name"]), Has.Some.EqualTo("முருகன், \"Anna\""));
        Assert.That(rows.Select(r => r["status"]), Is.SupersetOf(new[] { "completed", "missed", "failed", "initiated" }));
        Assert.That(rows.Single(r => r["status"] == "completed" && r["provider"] == "telecmi")["created_at"], Is.EqualTo("2026-03-10T23:50:00+05:30"));
    }

    [Test]
    public async Task Export_HasTheListsFilters_AndVisibility()
    {
        Assert.That((await ExportAsync(agentF, $"?agentId={g}")).Select(r => r["agent_id"]).Distinct(), Is.EqualTo(new[] { f.ToString() }),
            "a telecaller exports only their own calls, whatever agentId says");
        Assert.That((await ExportAsync(agentG, "")).Select(r => r["agent_id"]), Is.EqualTo(new[] { g.ToString() }));
        Assert.That((await ExportAsync(supervisor, $"?agentId={g}")).Select(r => r["agent_id"]), Is.EqualTo(new[] { g.ToString() }));
        Assert.That((await ExportAsync(supervisor, "")).Select(r => r["agent_id"]).Distinct().Order(), Is.EquivalentTo(new[] { f.ToString(), g.ToString() }));

        var missed = await ExportAsync(agentF, "?status=missed");
        Assert.That(missed.Select(r => r["status"]), Is.EqualTo(new[] { "missed", "missed" }), "the TeleCMI missed call and the manual busy one");
        var range = await ExportAsync(supervisor, $"?from={Uri.EscapeDataString("2026-03-12T00:00:00+05:30")}&to={Uri.EscapeDataString("2026-03-12T23:59:59+05:30")}&provider=telecmi");
        Assert.That(range, Has.Count.EqualTo(3));
        Assert.That((await ExportAsync(supervisor, "?outcome=not_reachable")).Select(r => r["outcome"]), Is.EqualTo(new[] { "not_reachable" }));
    }

    [TestCase("/api/calls?outcome=not_reachable", 200)]
    [TestCase("/api/calls?outcome=NotReachable", 200)]
    [TestCase("/api/calls?provider=telecmi&status=MISSED", 200)]
    [TestCase("/api/calls?outcome=1", 400)]
    [TestCase("/api/calls?outcome=maybe", 400)]
    [TestCase("/api/follow-ups?due=overdue", 200)]
    [TestCase("/api/reports/summary?period=Week", 200)]
    public async Task QueryEnums_TakeTheJsonApisNames_AndRefuseNumbers(string url, int expected)
    {
        var response = await supervisor.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }

    [TestCase("?status=bogus")]
    [TestCase("?from=2026-03-12T00:00:00Z&to=2026-03-11T00:00:00Z")]
    public async Task Export_BadFilter_Is400Problem_NotAHalfWrittenFile(string query)
    {
        var response = await agentF.GetAsync("/api/calls/export" + query);
        await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    private static readonly (string Column, string Field)[] TextColumns =
    [
        ("id", "id"), ("driver_id", "driverId"), ("driver_name", "driverName"), ("driver_tm_id", "driverTmId"), ("driver_phone", "driverPhone"),
        ("provider", "provider"), ("status", "status"), ("missed_by", "missedBy"), ("outcome", "outcome"), ("feedback", "feedback"),
        ("remarks", "remarks"), ("notes", "notes"), ("duration_seconds", "durationSeconds"), ("hangup_reason", "hangupReason"),
        ("failure_reason", "failureReason"), ("has_recording", "hasRecording"), ("telecmi_request_id", "teleCmiRequestId"),
    ];

    private static readonly (string Column, string Field)[] TimeColumns =
        [("created_at", "createdAt"), ("answered_at", "answeredAt"), ("ended_at", "endedAt"), ("follow_up_at", "followUpAt")];

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<int>(out var i) => i.ToString(CultureInfo.InvariantCulture),
        _ => node.GetValue<string>(),
    };

    private static long? ToUtcSeconds(string text) =>
        text.Length == 0 ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUnixTimeSeconds();

    private static async Task<List<Dictionary<string, string>>> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/calls/export" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await csv.ReadAsync();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (await csv.ReadAsync()) rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }
}
