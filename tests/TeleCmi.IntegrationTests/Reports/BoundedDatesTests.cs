using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using TeleCmi.Domain.Calls;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;
using static TeleCmi.IntegrationTests.Reports.ReportData;

namespace TeleCmi.IntegrationTests.Reports;

/// <summary>
/// Every value the service accepts can be listed, exported and reported. A follow-up is at most 366 days ahead
/// (a year-9999 one once made GET /api/calls/export answer 3 bytes and cut the connection for everyone); the extreme
/// legal values go through the export, the follow-ups list and every report; a value stored before the rule does not
/// end the export. Real clock: the follow-up window is checked against the time the request arrives.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class BoundedDatesTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private static readonly TimeSpan IstOffset = TimeSpan.FromMinutes(330);
    private readonly RecordedLogs logs = new();
    private HttpClient agent = null!, supervisor = null!;
    private int agentId;
    private string driverId = "";

    protected override void ConfigureService(IWebHostBuilder builder) => builder.ConfigureLogging(l => l.AddProvider(logs));

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        driverId = await Api.NewDriverAsync("9876500321", "Edge Case Driver");
        var driver = Driver(driverId, "Edge Case Driver", "9876500321");

        // The earliest and latest instants of business days (IST midnight is 18:30 UTC), each with the furthest
        // follow-up allowed when it was recorded: the values most likely to fall off a day or off the calendar.
        var todayIst = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(IstOffset).Date, IstOffset);
        var edges = new[] { todayIst, todayIst.AddTicks(-10), todayIst.AddDays(-1), todayIst.AddDays(-1).AddTicks(-10), todayIst.AddDays(-29) };
        await SaveAsync(Factory, edges.Select(at =>
        {
            var call = Completed(agentId, driver, at, 30);
            return WithFeedback(call, CallOutcome.CallBackLater, new DateTimeOffset(call.CreatedAt.AddMinutes(1).AddDays(FollowUpWindow.MaxDaysAhead), TimeSpan.Zero));
        }).ToArray());

        // Through the API: the furthest and the nearest follow-up a request may set.
        await ManualAsync(DateTimeOffset.UtcNow.AddDays(FollowUpWindow.MaxDaysAhead), HttpStatusCode.Created);
        await ManualAsync(DateTimeOffset.UtcNow.AddMinutes(1).ToOffset(IstOffset), HttpStatusCode.Created);
        var dialled = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        await TestApi.ReadAsync(await FeedbackAsync(dialled["id"]!.GetValue<string>(), DateTimeOffset.UtcNow.AddDays(FollowUpWindow.MaxDaysAhead)), HttpStatusCode.OK);
    }

    [SetUp]
    public void ForgetEarlierLogs() => logs.Clear();

    [TestCase("9999-12-31T23:59:59+05:30")]
    [TestCase("9999-12-31T18:29:59Z")]
    public async Task LogManualCall_WithAFollowUpInTheYear9999_Is400NamingFollowUpAt(string followUpAt)
    {
        var problem = await ManualAsync(DateTimeOffset.Parse(followUpAt, CultureInfo.InvariantCulture), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]?["followUpAt"]?[0]?.GetValue<string>(), Does.Contain("366 days"));
    }

    [Test]
    public async Task UpdateFeedback_WithAFollowUpInTheYear9999_Is400NamingFollowUpAt_AndChangesNothing()
    {
        var call = await ManualAsync(null, HttpStatusCode.Created);
        var id = call["id"]!.GetValue<string>();

        var problem = await TestApi.ReadAsync(await FeedbackAsync(id, new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)), HttpStatusCode.BadRequest);

        Assert.Multiple(async () =>
        {
            Assert.That(problem["errors"]?["followUpAt"]?[0]?.GetValue<string>(), Does.Contain("366 days"));
            Assert.That((await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{id}"), HttpStatusCode.OK))["followUpAt"], Is.Null);
        });
    }

    [Test]
    public async Task AFollowUpJustBeyond366Days_Is400_ForManualCallsAndFeedback()
    {
        var beyond = DateTimeOffset.UtcNow.AddDays(FollowUpWindow.MaxDaysAhead).AddMinutes(2);
        var call = await ManualAsync(null, HttpStatusCode.Created);

        await ManualAsync(beyond, HttpStatusCode.BadRequest);
        await TestApi.ReadAsync(await FeedbackAsync(call["id"]!.GetValue<string>(), beyond), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task TheExtremeLegalDates_ExportAsAWellFormedFile_WithEveryListedCall()
    {
        var total = (await TestApi.ReadAsync(await supervisor.GetAsync($"/api/calls?agentId={agentId}&limit=1"), HttpStatusCode.OK))["total"]!.GetValue<int>();

        var (rows, text) = await ExportAsync($"?agentId={agentId}");

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(total));
            Assert.That(text, Does.EndWith("\r\n"), "the last record is complete");
            Assert.That(rows.Where(r => r["follow_up_at"].Length > 0).Select(r => r["follow_up_at"]), Has.All.EndWith("+05:30"), "follow-ups in IST");
            Assert.That(rows.Select(r => r["created_at"]), Has.All.EndWith("+05:30"));
            Assert.That(logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty, string.Join("\n", logs.Entries.Where(e => e.Level >= LogLevel.Warning)));
        });
    }

    [TestCase("all")]
    [TestCase("upcoming")]
    [TestCase("today")]
    [TestCase("overdue")]
    public async Task TheExtremeLegalDates_AreListedAsFollowUps(string due)
    {
        var page = await TestApi.ReadAsync(await supervisor.GetAsync($"/api/follow-ups?due={due}&agentId={agentId}&limit=200"), HttpStatusCode.OK);

        if (due is "all" or "upcoming")
            Assert.That(page["items"]!.AsArray().Select(i => i!["followUpAtLocal"]!.GetValue<string>()), Has.Some.StartsWith(DateTimeOffset.UtcNow.AddDays(365).Year.ToString()));
    }

    [TestCase("/api/reports/daily")]
    [TestCase("/api/reports/daily?from={today-29}&to={today}")]
    [TestCase("/api/reports/daily?from=2000-01-01&to=2002-12-31")]
    [TestCase("/api/reports/daily?from=2997-01-01&to=2999-12-31")]
    [TestCase("/api/reports/daily?to=2000-01-01")]
    [TestCase("/api/reports/daily?from=2999-12-31")]
    [TestCase("/api/reports/agents")]
    [TestCase("/api/reports/agents?from=2000-01-01&to=2002-12-31")]
    [TestCase("/api/reports/agents?from=2997-01-01&to=2999-12-31")]
    [TestCase("/api/reports/summary?period=today")]
    [TestCase("/api/reports/summary?period=week")]
    [TestCase("/api/reports/summary?period=month")]
    public async Task EveryReport_OverTheExtremeLegalDates_Succeeds(string url)
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(IstOffset).DateTime);
        url = url.Replace("{today-29}", today.AddDays(-29).ToString("yyyy-MM-dd")).Replace("{today}", today.ToString("yyyy-MM-dd"));

        var report = await TestApi.ReadAsync(await supervisor.GetAsync(url), HttpStatusCode.OK);

        if (url is "/api/reports/daily" or "/api/reports/summary?period=month")
            Assert.That(report["totals"]!["calls"]!.GetValue<int>(), Is.GreaterThan(0), report.ToJsonString());
    }

    [TestCase("/api/reports/daily?from=9999-12-31", "from")]
    [TestCase("/api/reports/daily?to=0001-01-01", "to")]
    [TestCase("/api/reports/agents?from=1999-12-31&to=2000-01-02", "from")]
    [TestCase("/api/reports/agents?to=3000-01-01", "to")]
    public async Task AReportDateOffTheCalendar_Is400NamingIt(string url, string field)
    {
        var problem = await TestApi.ReadAsync(await supervisor.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]?[field], Is.Not.Null, problem.ToJsonString());
    }

    [TestCase("?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z")]
    [TestCase("?from=0001-01-01T05:30:00%2B05:30")]
    public async Task TheCallListAndExport_TakeTheWidestTimeFilters(string query)
    {
        await TestApi.ReadAsync(await supervisor.GetAsync("/api/calls" + query), HttpStatusCode.OK);
        var (rows, _) = await ExportAsync(query);
        Assert.That(rows, Is.Not.Empty);
    }

    [Test]
    public async Task ARowStoredBeforeTheRule_WithAYear9999FollowUp_DoesNotEndTheExport_AndIsLoggedWithItsCallId()
    {
        // An agent of its own, so the other tests' exports stay free of the bad row.
        var (legacyAgent, legacyAgentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var legacy = await ManualAsync(null, HttpStatusCode.Created, await Api.NewDriverAsync("9876500654", "Legacy Row Driver"), legacyAgent);
        var legacyId = legacy["id"]!.GetValue<string>();
        await ManualAsync(DateTimeOffset.UtcNow.AddDays(3), HttpStatusCode.Created, await Api.NewDriverAsync("9876500655", "Later Row Driver"), legacyAgent);
        using (var scope = Factory.Services.CreateScope())
        {
            // What the service accepted before follow-ups were bounded, written as it would have been stored.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var year9999 = new DateTime(9999, 12, 31, 23, 0, 0, DateTimeKind.Utc);
            Assert.That(await db.CallLogs.Where(c => c.Id == legacyId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FollowUpAt, year9999).SetProperty(c => c.EndedAt, year9999)), Is.EqualTo(1));
        }
        var (rows, text) = await ExportAsync($"?agentId={legacyAgentId}");

        var row = rows.Single(r => r["id"] == legacyId);
        Assert.Multiple(async () =>
        {
            Assert.That(rows, Has.Count.EqualTo(2), "every row is there, the one after the bad one too");
            Assert.That(text, Does.EndWith("\r\n"));
            Assert.That(row["follow_up_at"], Is.Empty, "a time IST cannot show is left empty");
            Assert.That(row["ended_at"], Is.Empty);
            Assert.That(row["driver_name"], Is.EqualTo("Legacy Row Driver"), "the rest of the row is written");
            Assert.That(logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains(legacyId)).Select(e => e.Message),
                Has.Some.Contain("follow_up_at").And.Some.Contain("ended_at"));

            // The same row in the lists and reports that read it.
            var followUps = await TestApi.ReadAsync(await supervisor.GetAsync($"/api/follow-ups?due=all&agentId={legacyAgentId}&limit=200"), HttpStatusCode.OK);
            var listed = followUps["items"]!.AsArray().Single(i => i!["callId"]!.GetValue<string>() == legacyId)!;
            Assert.That(listed["followUpAtLocal"]!.GetValue<string>(), Does.StartWith("9999-12-31T23:00:00").And.EndWith("+00:00"), "shown as the same instant in UTC");
            await TestApi.ReadAsync(await supervisor.GetAsync($"/api/calls/{legacyId}"), HttpStatusCode.OK);
            await TestApi.ReadAsync(await supervisor.GetAsync("/api/reports/summary?period=today"), HttpStatusCode.OK);
            await TestApi.ReadAsync(await supervisor.GetAsync("/api/reports/daily"), HttpStatusCode.OK);
            await TestApi.ReadAsync(await supervisor.GetAsync("/api/reports/agents"), HttpStatusCode.OK);
        });
    }

    [Test]
    public async Task AZeroDateWrittenIntoMariaDbByHand_DoesNotEndTheExportOrTheLists()
    {
        if (Engine != DatabaseEngine.MySql) Assert.Ignore("MySQL/MariaDB only: SQLite has no zero date.");
        var (zeroAgent, zeroAgentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var call = await ManualAsync(DateTimeOffset.UtcNow.AddDays(1), HttpStatusCode.Created, await Api.NewDriverAsync("9876500656", "Zero Date Driver"), zeroAgent);
        var id = call["id"]!.GetValue<string>();
        using (var scope = Factory.Services.CreateScope())
        {
            // MariaDB's default sql_mode lacks NO_ZERO_DATE: a DBA's UPDATE can store 0000-00-00, which no DateTime can hold.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync("SET SESSION sql_mode = ''; UPDATE call_logs SET FollowUpAt = '0000-00-00 00:00:00' WHERE Id = {0}", id);
        }

        var (rows, _) = await ExportAsync($"?agentId={zeroAgentId}");

        Assert.Multiple(async () =>
        {
            Assert.That(rows.Single()["id"], Is.EqualTo(id));
            await TestApi.ReadAsync(await supervisor.GetAsync($"/api/follow-ups?due=all&agentId={zeroAgentId}"), HttpStatusCode.OK);
            await TestApi.ReadAsync(await supervisor.GetAsync($"/api/calls/{id}"), HttpStatusCode.OK);
            await TestApi.ReadAsync(await supervisor.GetAsync("/api/reports/summary?period=today"), HttpStatusCode.OK);
        });
    }

    private async Task<JsonObject> ManualAsync(DateTimeOffset? followUpAt, HttpStatusCode expected, string? driver = null, HttpClient? by = null) =>
        await TestApi.ReadAsync(await (by ?? agent).PostAsJsonAsync("/api/calls/manual",
            new { driverId = driver ?? driverId, outcome = "call_back_later", followUpAt = followUpAt?.ToString("O", CultureInfo.InvariantCulture) }), expected);

    private Task<HttpResponseMessage> FeedbackAsync(string callId, DateTimeOffset followUpAt) =>
        agent.PutAsJsonAsync($"/api/calls/{callId}/feedback", new { outcome = "call_back_later", followUpAt = followUpAt.ToString("O", CultureInfo.InvariantCulture) });

    /// <summary>The export parsed back; fails unless every record has exactly the header's fields.</summary>
    private async Task<(List<Dictionary<string, string>> Rows, string Text)> ExportAsync(string query)
    {
        var response = await supervisor.GetAsync("/api/calls/export" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await csv.ReadAsync();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (await csv.ReadAsync())
        {
            Assert.That(csv.Parser.Count, Is.EqualTo(header.Length), $"record {rows.Count + 1} has every field");
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        }
        return (rows, text);
    }
}
