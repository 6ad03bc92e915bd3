using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NUnit.Framework;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.IntegrationTests.Support;
using static TeleCmi.IntegrationTests.Reports.SeedMonitoringQueries;

namespace TeleCmi.IntegrationTests.Reports;

/// <summary>
/// The seed's three monitoring queries (<see cref="SeedMonitoringQueries"/>) against <c>call_logs_v1</c> give the
/// figures the reports API gives. Calls are made through the HTTP API (TeleCMI calls in each status through the fake
/// gateway and webhooks, a refused one, a never-placed one, manual calls), today and on earlier days: the service's clock
/// is moved back while a call is made. The database's own clock decides the queries' "today" (<c>CURDATE()</c>,
/// <c>NOW()</c>), so "today" here is the real one, in IST.
/// <code>
///  days ago  agent     call                                   talk
///  0         A (ext)   TeleCMI completed, feedback interested   95
///  0         A         TeleCMI completed                        40
///  0         A         TeleCMI missed (driver)                   -
///  0         A         TeleCMI answered (talking)                -
///  0         A         TeleCMI initiated                         -
///  0         B         TeleCMI refused → failed                  -
///  0         B         TeleCMI down → not_placed (no call)       -
///  0         B         manual, connected                        60
///  1         A         TeleCMI completed                       120
///  1         B         TeleCMI refused → failed                  -
///  1         B         manual, busy                              -
///  3         A         TeleCMI completed                        30
///  3         A         TeleCMI missed (driver)                   -
///  3         B         TeleCMI down → not_placed (no call)       -
///  6         B         TeleCMI completed                       200
///  9         A         TeleCMI completed (outside the week)    500
/// </code>
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class SeedMonitoringQueryTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private static readonly TimeZoneInfo Ist = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private readonly ShiftedClock clock = new();
    private HttpClient agentA = null!, agentB = null!, supervisor = null!;
    private string failedToday = null!;
    private DateOnly today;

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        // The stale-call sweep stays out of the way (it would only turn today's live calls unknown after 30 minutes).
        builder.UseSetting("Calls:SweepIntervalSeconds", "3600");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });
    }

    [OneTimeSetUp]
    public async Task MakeCallsAsync()
    {
        await WaitIfIstMidnightIsNearAsync();
        today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Ist));

        int a;
        (agentA, a) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (agentB, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        var admin = await Api.AdminAsync();
        await TestApi.ReadAsync(await admin.PatchAsJsonAsync($"/api/agents/{a}", new { externalId = "3" }), HttpStatusCode.OK);

        var first = await CompletedAsync(agentA, 0, 95);
        await TestApi.ReadAsync(await agentA.PutAsJsonAsync($"/api/calls/{first}/feedback", new { outcome = "interested" }), HttpStatusCode.OK);
        await CompletedAsync(agentA, 0, 40);
        await MissedAsync(agentA, 0);
        await AnsweredAsync(agentA, 0);
        await InitiatedAsync(agentA, 0);
        failedToday = await RefusedAsync(agentB, 0);
        await NotPlacedAsync(agentB, 0);
        await ManualAsync(agentB, 0, "connected", 60);

        await CompletedAsync(agentA, 1, 120);
        await RefusedAsync(agentB, 1);
        await ManualAsync(agentB, 1, "busy", null);

        await CompletedAsync(agentA, 3, 30);
        await MissedAsync(agentA, 3);
        await NotPlacedAsync(agentB, 3);

        await CompletedAsync(agentB, 6, 200);
        await CompletedAsync(agentA, 9, 500);
    }

    [Test]
    public async Task TodaysCalls_ByStatus_AreTodaysTeleCmiFiguresOfTheDailyReport()
    {
        var rows = await QueryAsync(TodaysCalls, Sqlite.TodaysCalls);
        var byStatus = rows.ToDictionary(r => (string)r["status"]!, r => Convert.ToInt32(r["total"], CultureInfo.InvariantCulture));
        int N(string status) => byStatus.GetValueOrDefault(status);

        var figures = (await ReportAsync($"from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&provider=telecmi"))["totals"]!;

        Assert.Multiple(() =>
        {
            Assert.That(byStatus.Values.Sum(), Is.EqualTo(Figure(figures, "calls")), "calls");
            Assert.That(N("completed"), Is.EqualTo(Figure(figures, "completed")), "completed");
            Assert.That(N("answered") + N("completed"), Is.EqualTo(Figure(figures, "answered")), "answered");
            Assert.That(N("missed"), Is.EqualTo(Figure(figures, "missed")), "missed");
            Assert.That(N("failed"), Is.EqualTo(Figure(figures, "failed")), "failed");
            Assert.That(N("initiating") + N("initiated") + N("ringing"), Is.EqualTo(Figure(figures, "inProgress")), "inProgress");
            Assert.That(N("unknown"), Is.EqualTo(Figure(figures, "unknown")), "unknown");
            Assert.That(byStatus.Keys, Has.None.EqualTo("not_placed"), "an attempt never placed is no call, in the view as in the report");
            // And the figures are the ones made above.
            Assert.That(byStatus, Is.EquivalentTo(new Dictionary<string, int>
                { ["completed"] = 2, ["missed"] = 1, ["answered"] = 1, ["initiated"] = 1, ["failed"] = 1 }));
            Assert.That(Figure(figures, "notPlaced"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task FailedCallsToday_AreTheDailyReportsFailedToday()
    {
        var rows = await QueryAsync(FailedCalls, Sqlite.FailedCalls);

        var figures = (await ReportAsync($"from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}"))["totals"]!;
        var summary = (await GetAsync("/api/reports/summary?period=today"))["totals"]!;

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(Figure(figures, "failed")));
            Assert.That(rows, Has.Count.EqualTo(Figure(summary, "failed")));
            Assert.That(rows.Select(r => r["reference_id"]), Is.EqualTo(new[] { failedToday }));
            Assert.That(rows.Single()["call_type"], Is.EqualTo("ivr"));
        });
    }

    [Test]
    public async Task WeeklyStatistics_ArePerDayCallsAndTalkTimePerCall_OfTheDailyReportOverTheWeek()
    {
        var rows = await QueryAsync(WeeklyStatistics, Sqlite.WeeklyStatistics);
        var seed = rows.ToDictionary(
            r => Day(r["date"]),
            r => (Calls: Convert.ToInt32(r["total_calls"], CultureInfo.InvariantCulture), Average: Convert.ToDouble(r["avg_duration"], CultureInfo.InvariantCulture)));

        var days = (await ReportAsync($"from={today.AddDays(-6):yyyy-MM-dd}&to={today:yyyy-MM-dd}&provider=telecmi"))["days"]!.AsArray()
            .Select(d => (Day: DateOnly.Parse(d!["date"]!.GetValue<string>(), CultureInfo.InvariantCulture), Figures: d["figures"]!))
            .Where(d => Figure(d.Figures, "calls") > 0)
            .ToList();

        Assert.That(seed.Keys, Is.EquivalentTo(days.Select(d => d.Day)), "one row per IST day with TeleCMI calls in the last 7 days");
        Assert.Multiple(() =>
        {
            foreach (var (day, figures) in days)
            {
                var calls = Figure(figures, "calls");
                Assert.That(seed[day].Calls, Is.EqualTo(calls), $"{day}: total_calls = calls");
                // The seed's average counts every call (0 s when none was talked); the report's averageTalkSeconds is per
                // answered call. Both come from the same talk time: avg_duration = talkSeconds / calls.
                Assert.That(seed[day].Average, Is.EqualTo((double)figures["talkSeconds"]!.GetValue<long>() / calls).Within(0.0001), $"{day}: avg_duration");
            }
            Assert.That(seed[today].Calls, Is.EqualTo(6));
            Assert.That(seed[today].Average, Is.EqualTo((95 + 40) / 6.0).Within(0.0001));
            Assert.That(seed[today.AddDays(-1)], Is.EqualTo((2, 60.0)));
            Assert.That(seed[today.AddDays(-3)], Is.EqualTo((2, 15.0)), "the never-placed attempt of that day is no call");
            Assert.That(seed[today.AddDays(-6)], Is.EqualTo((1, 200.0)));
            Assert.That(seed, Has.Count.EqualTo(4), "nothing from 9 days ago");
        });
    }

    /// <summary>
    /// Runs a seed query: on MySQL against call_logs_v1 (the table name changed), and also unchanged in a database of its
    /// own whose <c>call_logs</c> is the view (docs/OPERATIONS.md), which must give the same rows; on SQLite its equivalent.
    /// </summary>
    private async Task<List<Dictionary<string, object?>>> QueryAsync(string seedQuery, string sqliteQuery)
    {
        // The seed's config.php set every connection to IST; SQLite's queries shift to IST themselves.
        await using var connection = await SqlClient.OpenAsync(Factory.Database, mySqlTimeZone: "+05:30");
        if (Engine != DatabaseEngine.MySql) return await SqlClient.QueryAsync(connection, sqliteQuery);

        var rows = await SqlClient.QueryAsync(connection, OnTheView(seedQuery));
        await SqlClient.ExecuteAsync(connection, $"USE `{SeedDatabase}`");
        Assert.That(await SqlClient.QueryAsync(connection, seedQuery), Is.EquivalentTo(rows), "the seed's query, unchanged, in " + SeedDatabase);
        return rows;
    }

    private string MainDatabase => new MySqlConnector.MySqlConnectionStringBuilder(Factory.Database.ConnectionString).Database;

    private string SeedDatabase => MainDatabase + "_seed";

    [OneTimeSetUp]
    public async Task CreateSeedDatabaseAsync()
    {
        if (Engine != DatabaseEngine.MySql) return;
        await using var connection = await SqlClient.OpenAsync(Factory.Database);
        await SqlClient.ExecuteAsync(connection, $"CREATE DATABASE `{SeedDatabase}`");
        await SqlClient.ExecuteAsync(connection, $"CREATE VIEW `{SeedDatabase}`.call_logs AS SELECT * FROM `{MainDatabase}`.call_logs_v1");
    }

    [OneTimeTearDown]
    public async Task DropSeedDatabaseAsync()
    {
        if (Engine != DatabaseEngine.MySql || Factory is null) return;
        await using var connection = await SqlClient.OpenAsync(Factory.Database);
        await SqlClient.ExecuteAsync(connection, $"DROP DATABASE IF EXISTS `{SeedDatabase}`");
    }

    private Task<JsonObject> ReportAsync(string query) => GetAsync("/api/reports/daily?" + query);

    private async Task<JsonObject> GetAsync(string path) => await TestApi.ReadAsync(await supervisor.GetAsync(path), HttpStatusCode.OK);

    private static int Figure(JsonNode figures, string name) => figures[name]!.GetValue<int>();

    private static DateOnly Day(object? value) => value switch
    {
        DateTime dt => DateOnly.FromDateTime(dt),
        string s => DateOnly.Parse(s, CultureInfo.InvariantCulture),
        _ => throw new AssertionException($"Not a date: {value}"),
    };

    private async Task<string> CompletedAsync(HttpClient agent, int daysAgo, int talkSeconds) =>
        await TeleCmiCallAsync(agent, daysAgo, (id, requestId) => Webhooks.HappyPath(id, requestId, "919876543210", talkSeconds, recording: null));

    private Task<string> MissedAsync(HttpClient agent, int daysAgo) =>
        TeleCmiCallAsync(agent, daysAgo, (id, _) => [Webhooks.Cdr(id, null, "b", "missed", "919876543210", 0, "recv_cancel", null)]);

    private Task<string> AnsweredAsync(HttpClient agent, int daysAgo) =>
        TeleCmiCallAsync(agent, daysAgo, (id, requestId) => Webhooks.HappyPath(id, requestId, "919876543210", 0, null).Take(4));

    private Task<string> InitiatedAsync(HttpClient agent, int daysAgo) => TeleCmiCallAsync(agent, daysAgo, (_, _) => []);

    private Task<string> RefusedAsync(HttpClient agent, int daysAgo) =>
        FailedToPlaceAsync(agent, daysAgo, new ClickToCallResult.Refused(404, "Invalid number"), HttpStatusCode.BadGateway);

    private Task<string> NotPlacedAsync(HttpClient agent, int daysAgo) =>
        FailedToPlaceAsync(agent, daysAgo, new ClickToCallResult.NotPlaced("TeleCMI answered HTTP 503", TimeSpan.FromSeconds(30)),
            HttpStatusCode.ServiceUnavailable);

    private async Task<string> TeleCmiCallAsync(HttpClient agent, int daysAgo, Func<string, string, IEnumerable<Dictionary<string, object?>>> hooks)
    {
        var driverId = await Api.NewDriverAsync();
        using var _ = clock.Back(daysAgo);
        var call = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var id = call["id"]!.GetValue<string>();
        foreach (var hook in hooks(id, call["teleCmiRequestId"]!.GetValue<string>()))
            Assert.That((await Api.PostWebhookAsync(hook)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return id;
    }

    private async Task<string> FailedToPlaceAsync(HttpClient agent, int daysAgo, ClickToCallResult answer, HttpStatusCode expected)
    {
        var driverId = await Api.NewDriverAsync();
        Factory.Gateway.Answer = _ => Task.FromResult(answer);
        try
        {
            using var _ = clock.Back(daysAgo);
            var response = await agent.PostAsJsonAsync("/api/calls", new { driverId });
            Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
            var list = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls?driverId={driverId}"), HttpStatusCode.OK);
            return list["items"]!.AsArray().Single()!["id"]!.GetValue<string>();
        }
        finally
        {
            ResetGateway();
        }
    }

    private async Task ManualAsync(HttpClient agent, int daysAgo, string outcome, int? durationSeconds)
    {
        var driverId = await Api.NewDriverAsync();
        using var _ = clock.Back(daysAgo);
        await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome, durationSeconds }), HttpStatusCode.Created);
    }

    /// <summary>The calls of "today" must all be on one IST day with the queries that read them.</summary>
    private static async Task WaitIfIstMidnightIsNearAsync()
    {
        var untilMidnight = TimeSpan.FromDays(1) - TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Ist).TimeOfDay;
        if (untilMidnight < TimeSpan.FromMinutes(3)) await Task.Delay(untilMidnight + TimeSpan.FromSeconds(5));
    }

    /// <summary>The service's clock: the real time, or whole days earlier while a call of an earlier day is made.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        private TimeSpan shift;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;

        public IDisposable Back(int days)
        {
            shift = -TimeSpan.FromDays(days);
            return new Restore(this);
        }

        private sealed class Restore(ShiftedClock clock) : IDisposable
        {
            public void Dispose() => clock.shift = TimeSpan.Zero;
        }
    }
}
