using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.Domain.Calls;
using TeleCmi.IntegrationTests.Support;
using static TeleCmi.IntegrationTests.Reports.ReportData;

namespace TeleCmi.IntegrationTests.Reports;

/// <summary>
/// The reports against a fixed data set whose figures were worked out by hand. "Now" is Friday 13 March 2026,
/// 15:00 IST; the process runs in America/Los_Angeles so that the server's day, UTC's day and IST's day all differ.
///
/// <code>
///  #  agent  IST time            kind                        outcome          talk  IST day
///  1  A      2026-03-09 10:00    completed                   interested       120   Mon 09
///  2  A      2026-03-09 11:00    missed (driver)             not_reachable      -   Mon 09
///  3  B      2026-03-09 12:00    manual                      connected         60   Mon 09
///  4  A      2026-03-10 23:50    completed (18:20 UTC 10th)  -                 30   Tue 10
///  5  B      2026-03-11 00:10    failed    (18:40 UTC 10th)  -                  -   Wed 11
///  6  A      2026-03-11 09:00    initiated (in progress)     -                  -   Wed 11
///  -  -      2026-03-12          no calls                                           Thu 12
///  7  B      2026-03-13 10:00    completed                   call_back_later   90   Fri 13
///  8  A      2026-03-13 05:29    manual busy (23:59 UTC 12th)busy               -   Fri 13
///  9  A      2026-03-08 23:59    completed (Sunday)          -                500   Sun 08
/// 10  A      2026-03-14 00:00    completed (exactly midnight)-                 45   Sat 14
/// 11  B      2026-02-28 23:50    completed (February)        -                 70   Sat Feb 28
/// </code>
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class ReportTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private string? previousTz;
    private HttpClient supervisor = null!, agentA = null!, agentB = null!;
    private int a, b, supervisorId;

    protected override void ConfigureService(IWebHostBuilder builder) => PinBusinessClock(builder);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        previousTz = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", "America/Los_Angeles");
        TimeZoneInfo.ClearCachedData();

        (agentA, a) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (agentB, b) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (supervisor, supervisorId) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        var d1 = Driver(await Api.NewDriverAsync("9876500001", "Ramesh Yadav"), "Ramesh Yadav", "9876500001");
        var d2 = Driver(await Api.NewDriverAsync("9876500002", "Suresh Patel"), "Suresh Patel", "9876500002");

        await SaveAsync(Factory,
            Completed(a, d1, "2026-03-09 10:00", 120, CallOutcome.Interested),
            Missed(a, d2, "2026-03-09 11:00", CallOutcome.NotReachable),
            Manual(b, d1, "2026-03-09 12:00", CallOutcome.Connected, durationSeconds: 60),
            Completed(a, d2, "2026-03-10 23:50", 30),
            Failed(b, d1, "2026-03-11 00:10"),
            Initiated(a, d1, "2026-03-11 09:00"),
            Completed(b, d2, "2026-03-13 10:00", 90, CallOutcome.CallBackLater),
            Manual(a, d1, "2026-03-13 05:29", CallOutcome.Busy),
            Completed(a, d1, "2026-03-08 23:59", 500),
            Completed(a, d2, "2026-03-14 00:00", 45),
            Completed(b, d1, "2026-02-28 23:50", 70));
    }

    [OneTimeTearDown]
    public void RestoreTimeZone()
    {
        Environment.SetEnvironmentVariable("TZ", previousTz);
        TimeZoneInfo.ClearCachedData();
    }

    [Test]
    public async Task Daily_OneRowPerIstDay_WithZeroDays_AndHandComputedFigures()
    {
        var report = await GetAsync(supervisor, "/api/reports/daily?from=2026-03-09&to=2026-03-13");

        Assert.That(report["timeZone"]!.GetValue<string>(), Is.EqualTo("Asia/Kolkata"));
        var days = report["days"]!.AsArray();
        Assert.That(days.Select(d => d!["date"]!.GetValue<string>()),
            Is.EqualTo(new[] { "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13" }));

        AssertFigures(days[0]!["figures"]!, calls: 3, answered: 2, completed: 2, missed: 1, failed: 0, inProgress: 0, connectRate: 0.6667, talk: 180, avgTalk: 90.0,
            outcomes: new() { ["interested"] = 1, ["notReachable"] = 1, ["connected"] = 1 });
        AssertFigures(days[1]!["figures"]!, calls: 1, answered: 1, completed: 1, missed: 0, failed: 0, inProgress: 0, connectRate: 1, talk: 30, avgTalk: 30,
            outcomes: new() { ["none"] = 1 });
        AssertFigures(days[2]!["figures"]!, calls: 2, answered: 0, completed: 0, missed: 0, failed: 1, inProgress: 1, connectRate: 0, talk: 0, avgTalk: 0,
            outcomes: new() { ["none"] = 2 });
        AssertFigures(days[3]!["figures"]!, calls: 0, answered: 0, completed: 0, missed: 0, failed: 0, inProgress: 0, connectRate: 0, talk: 0, avgTalk: 0,
            outcomes: new());
        AssertFigures(days[4]!["figures"]!, calls: 2, answered: 1, completed: 1, missed: 1, failed: 0, inProgress: 0, connectRate: 0.5, talk: 90, avgTalk: 90,
            outcomes: new() { ["callBackLater"] = 1, ["busy"] = 1 });
        AssertFigures(report["totals"]!, calls: 8, answered: 4, completed: 4, missed: 2, failed: 1, inProgress: 1, connectRate: 0.5, talk: 300, avgTalk: 75,
            outcomes: new() { ["interested"] = 1, ["notReachable"] = 1, ["connected"] = 1, ["callBackLater"] = 1, ["busy"] = 1, ["none"] = 3 });
    }

    [Test]
    public async Task Daily_CallsAt2350And0010Ist_FallOnDifferentDays_AndMidnightStartsTheNextDay()
    {
        // Calls 4 (23:50 IST on the 10th) and 5 (00:10 IST on the 11th) are both on the 10th in UTC.
        var report = await GetAsync(supervisor, "/api/reports/daily?from=2026-03-10&to=2026-03-11");
        var days = report["days"]!.AsArray();
        Assert.That(days[0]!["figures"]!["calls"]!.GetValue<int>(), Is.EqualTo(1), "the 10th: only the 23:50 call");
        Assert.That(days[0]!["figures"]!["completed"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(days[1]!["figures"]!["failed"]!.GetValue<int>(), Is.EqualTo(1), "the 11th: the 00:10 call");

        // 00:00:00 IST on the 14th belongs to the 14th; 23:59 IST on the 8th to the 8th.
        var edges = (await GetAsync(supervisor, "/api/reports/daily?from=2026-03-08&to=2026-03-14"))["days"]!.AsArray();
        Assert.That(edges[0]!["figures"]!["talkSeconds"]!.GetValue<long>(), Is.EqualTo(500));
        Assert.That(edges[6]!["figures"]!["talkSeconds"]!.GetValue<long>(), Is.EqualTo(45));
        Assert.That(edges[5]!["figures"]!["calls"]!.GetValue<int>(), Is.EqualTo(2), "the 13th is unchanged by the midnight call");
    }

    [Test]
    public async Task Daily_FiltersByAgentAndProvider()
    {
        var manual = (await GetAsync(supervisor, "/api/reports/daily?from=2026-03-09&to=2026-03-13&provider=manual"))["totals"]!;
        AssertFigures(manual, calls: 2, answered: 1, completed: 1, missed: 1, failed: 0, inProgress: 0, connectRate: 0.5, talk: 60, avgTalk: 60,
            outcomes: new() { ["connected"] = 1, ["busy"] = 1 });

        var onlyB = await GetAsync(supervisor, $"/api/reports/daily?from=2026-03-09&to=2026-03-13&agentId={b}");
        Assert.That(onlyB["agentId"]!.GetValue<int>(), Is.EqualTo(b));
        AssertFigures(onlyB["totals"]!, calls: 3, answered: 2, completed: 2, missed: 0, failed: 1, inProgress: 0, connectRate: 0.6667, talk: 150, avgTalk: 75,
            outcomes: new() { ["connected"] = 1, ["callBackLater"] = 1, ["none"] = 1 });
    }

    [Test]
    public async Task Daily_TelecallerGetsOwnFigures_AndIsRefusedAnotherAgents()
    {
        var own = await GetAsync(agentA, "/api/reports/daily?from=2026-03-09&to=2026-03-13");
        Assert.That(own["agentId"]!.GetValue<int>(), Is.EqualTo(a));
        AssertFigures(own["totals"]!, calls: 5, answered: 2, completed: 2, missed: 2, failed: 0, inProgress: 1, connectRate: 0.4, talk: 150, avgTalk: 75,
            outcomes: new() { ["interested"] = 1, ["notReachable"] = 1, ["busy"] = 1, ["none"] = 2 });

        var other = await agentA.GetAsync($"/api/reports/daily?from=2026-03-09&to=2026-03-13&agentId={b}");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(other.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Daily_DefaultsToTheLast30DaysEndingToday()
    {
        var report = await GetAsync(supervisor, "/api/reports/daily");
        Assert.That(report["from"]!.GetValue<string>(), Is.EqualTo("2026-02-12"));
        Assert.That(report["to"]!.GetValue<string>(), Is.EqualTo("2026-03-13"));
        Assert.That(report["days"]!.AsArray(), Has.Count.EqualTo(30));
        Assert.That(report["totals"]!["calls"]!.GetValue<int>(), Is.EqualTo(10), "all but the call on the 14th (tomorrow)");
    }

    [TestCase("from=2026-03-13&to=2026-03-09", "to")]
    [TestCase("from=2023-01-01&to=2026-03-13", "to")]
    [TestCase("from=yesterday", "from")]
    [TestCase("provider=fax", "provider")]
    public async Task Daily_BadRange_Is400Problem(string query, string field)
    {
        var response = await supervisor.GetAsync("/api/reports/daily?" + query);
        var problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key.ToLowerInvariant()), Has.Some.Contains(field), problem.ToJsonString());
    }

    [Test]
    public async Task Agents_OneRowPerAgent_BestFirst_TelecallerSeesOnlyOwnRow()
    {
        var report = await GetAsync(supervisor, "/api/reports/agents?from=2026-03-09&to=2026-03-13");
        var rows = report["agents"]!.AsArray();
        var rowA = rows.Single(r => r!["agentId"]!.GetValue<int>() == a)!;
        var rowB = rows.Single(r => r!["agentId"]!.GetValue<int>() == b)!;
        AssertFigures(rowA["figures"]!, calls: 5, answered: 2, completed: 2, missed: 2, failed: 0, inProgress: 1, connectRate: 0.4, talk: 150, avgTalk: 75,
            outcomes: new() { ["interested"] = 1, ["notReachable"] = 1, ["busy"] = 1, ["none"] = 2 });
        AssertFigures(rowB["figures"]!, calls: 3, answered: 2, completed: 2, missed: 0, failed: 1, inProgress: 0, connectRate: 0.6667, talk: 150, avgTalk: 75,
            outcomes: new() { ["connected"] = 1, ["callBackLater"] = 1, ["none"] = 1 });
        // Same answered and talk time: more calls first. A supervisor without calls is not on the leaderboard.
        Assert.That(rows.IndexOf(rowA), Is.LessThan(rows.IndexOf(rowB)));
        Assert.That(rows.Select(r => r!["agentId"]!.GetValue<int>()), Has.None.EqualTo(supervisorId));
        Assert.That(rows.Take(2).Select(r => r!["agentId"]!.GetValue<int>()), Is.EqualTo(new[] { a, b }));

        var own = (await GetAsync(agentB, "/api/reports/agents?from=2026-03-09&to=2026-03-13"))["agents"]!.AsArray();
        Assert.That(own.Select(r => r!["agentId"]!.GetValue<int>()), Is.EqualTo(new[] { b }));
    }

    [Test]
    public async Task Summary_Today_Week_FromMonday_AndMonth_FromThe1st()
    {
        var today = await GetAsync(supervisor, "/api/reports/summary?period=today");
        Assert.That((today["from"]!.GetValue<string>(), today["to"]!.GetValue<string>()), Is.EqualTo(("2026-03-13", "2026-03-13")));
        Assert.That(today["totals"]!["calls"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(today["agentsWithCalls"]!.GetValue<int>(), Is.EqualTo(2));

        // The week starts on Monday the 9th: Sunday 23:59 IST (call 9) is last week.
        var week = await GetAsync(supervisor, "/api/reports/summary?period=week");
        Assert.That(week["from"]!.GetValue<string>(), Is.EqualTo("2026-03-09"));
        Assert.That(week["days"]!.AsArray(), Has.Count.EqualTo(5));
        AssertFigures(week["totals"]!, calls: 8, answered: 4, completed: 4, missed: 2, failed: 1, inProgress: 1, connectRate: 0.5, talk: 300, avgTalk: 75,
            outcomes: new() { ["interested"] = 1, ["notReachable"] = 1, ["connected"] = 1, ["callBackLater"] = 1, ["busy"] = 1, ["none"] = 3 });

        // The month starts on the 1st: 28 February 23:50 IST (call 11) is last month; Sunday the 8th is in.
        var month = await GetAsync(supervisor, "/api/reports/summary?period=month");
        Assert.That(month["from"]!.GetValue<string>(), Is.EqualTo("2026-03-01"));
        Assert.That(month["totals"]!["calls"]!.GetValue<int>(), Is.EqualTo(9));
        Assert.That(month["totals"]!["talkSeconds"]!.GetValue<long>(), Is.EqualTo(800));

        var ownWeek = await GetAsync(agentB, "/api/reports/summary?period=week");
        Assert.That(ownWeek["agentId"]!.GetValue<int>(), Is.EqualTo(b));
        Assert.That(ownWeek["totals"]!["calls"]!.GetValue<int>(), Is.EqualTo(3));
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string url) => await TestApi.ReadAsync(await client.GetAsync(url), HttpStatusCode.OK);

    private static void AssertFigures(JsonNode f, int calls, int answered, int completed, int missed, int failed, int inProgress, double connectRate,
        long talk, double avgTalk, Dictionary<string, int> outcomes)
    {
        Assert.Multiple(() =>
        {
            Assert.That(f["calls"]!.GetValue<int>(), Is.EqualTo(calls), "calls");
            Assert.That(f["answered"]!.GetValue<int>(), Is.EqualTo(answered), "answered");
            Assert.That(f["completed"]!.GetValue<int>(), Is.EqualTo(completed), "completed");
            Assert.That(f["missed"]!.GetValue<int>(), Is.EqualTo(missed), "missed");
            Assert.That(f["failed"]!.GetValue<int>(), Is.EqualTo(failed), "failed");
            Assert.That(f["inProgress"]!.GetValue<int>(), Is.EqualTo(inProgress), "inProgress");
            Assert.That(f["unknown"]!.GetValue<int>(), Is.EqualTo(0), "unknown");
            Assert.That(f["notPlaced"]!.GetValue<int>(), Is.EqualTo(0), "notPlaced");
            Assert.That(f["connectRate"]!.GetValue<double>(), Is.EqualTo(connectRate).Within(0.00005), "connectRate");
            Assert.That(f["talkSeconds"]!.GetValue<long>(), Is.EqualTo(talk), "talkSeconds");
            Assert.That(f["averageTalkSeconds"]!.GetValue<double>(), Is.EqualTo(avgTalk).Within(0.05), "averageTalkSeconds");
            foreach (var name in new[] { "connected", "notReachable", "busy", "wrongNumber", "callBackLater", "interested", "notInterested", "other", "none" })
                Assert.That(f["outcomes"]![name]!.GetValue<int>(), Is.EqualTo(outcomes.GetValueOrDefault(name)), "outcomes." + name);
        });
    }
}
