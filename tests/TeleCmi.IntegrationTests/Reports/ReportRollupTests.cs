using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Domain.Calls;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;
using static TeleCmi.IntegrationTests.Reports.ReportData;

namespace TeleCmi.IntegrationTests.Reports;

/// <summary>
/// The report rollup (ADR 0007): all-agent reports read closed days (before today) from stored per-day figures, and
/// every later change to a call of such a day — feedback, a late webhook, a call added to the day — shows in the next
/// report. "Now" is Friday 13 March 2026, 15:00 IST, so days up to Thursday 12 March are rolled up. Each test uses
/// days of its own.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class ReportRollupTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private HttpClient supervisor = null!, agent = null!;
    private int agentId;
    private CallParty d1 = null!, d2 = null!;

    protected override void ConfigureService(IWebHostBuilder builder) => PinBusinessClock(builder);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        d1 = Driver(await Api.NewDriverAsync("9876500011", "Ramesh Yadav"), "Ramesh Yadav", "9876500011");
        d2 = Driver(await Api.NewDriverAsync("9876500012", "Suresh Patel"), "Suresh Patel", "9876500012");
    }

    [Test]
    public async Task ClosedDays_AreStoredOnce_AndReadBackWithTheSameFigures()
    {
        await SaveAsync(Factory,
            Completed(agentId, d1, "2026-02-02 10:00", 120, CallOutcome.Interested),
            Missed(agentId, d2, "2026-02-02 11:00", CallOutcome.NotReachable),
            Manual(agentId, d1, "2026-02-03 09:30", CallOutcome.Connected, durationSeconds: 60));

        var first = await DailyAsync("from=2026-02-01&to=2026-02-04");
        var second = await DailyAsync("from=2026-02-01&to=2026-02-04");

        Assert.That(second.ToJsonString(), Is.EqualTo(first.ToJsonString()));
        var days = first["days"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(days.Select(d => d!["figures"]!["calls"]!.GetValue<int>()), Is.EqualTo(new[] { 0, 2, 1, 0 }));
            Assert.That(days[1]!["figures"]!["talkSeconds"]!.GetValue<long>(), Is.EqualTo(120));
            Assert.That(days[1]!["figures"]!["outcomes"]!["interested"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(days[2]!["figures"]!["talkSeconds"]!.GetValue<long>(), Is.EqualTo(60));
            Assert.That(first["totals"]!["answered"]!.GetValue<int>(), Is.EqualTo(2), "the TeleCMI call and the manual one");
        });
        var manualOnly = await DailyAsync("from=2026-02-01&to=2026-02-04&provider=manual");
        Assert.That(manualOnly["days"]!.AsArray().Select(d => d!["figures"]!["calls"]!.GetValue<int>()), Is.EqualTo(new[] { 0, 0, 1, 0 }));

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (from, to) = (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 4));
        Assert.Multiple(async () =>
        {
            Assert.That(await db.RollupDays.Where(d => d.Day >= from && d.Day <= to).Select(d => d.Zone).ToListAsync(),
                Is.EqualTo(Enumerable.Repeat("Asia/Kolkata", 4)), "one marker per day, days without calls included");
            Assert.That(await db.RollupFigures.Where(f => f.Day >= from && f.Day <= to).SumAsync(f => f.Calls), Is.EqualTo(3));
            Assert.That(await db.StaleRollupDays.CountAsync(s => s.Day >= from && s.Day <= to), Is.Zero, "the marks of the seed were used up");
        });
    }

    [Test]
    public async Task FeedbackOnACallOfAClosedDay_ShowsInTheNextReport()
    {
        var call = Missed(agentId, d1, "2026-02-10 10:00");
        await SaveAsync(Factory, call);
        var before = await DailyAsync("from=2026-02-10&to=2026-02-10");
        Assert.That(before["totals"]!["outcomes"]!["none"]!.GetValue<int>(), Is.EqualTo(1));

        await TestApi.ReadAsync(await agent.PutAsJsonAsync($"/api/calls/{call.Id}/feedback", new { outcome = "busy" }), HttpStatusCode.OK);

        var after = await DailyAsync("from=2026-02-10&to=2026-02-10");
        Assert.Multiple(() =>
        {
            Assert.That(after["totals"]!["outcomes"]!["busy"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(after["totals"]!["outcomes"]!["none"]!.GetValue<int>(), Is.Zero);
            Assert.That(after["totals"]!["calls"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ALateWebhookForACallOfAClosedDay_ShowsInTheNextReport()
    {
        var call = Initiated(agentId, d2, "2026-02-12 16:00");
        await SaveAsync(Factory, call);
        var before = await DailyAsync("from=2026-02-12&to=2026-02-12");
        Assert.That(before["totals"]!["inProgress"]!.GetValue<int>(), Is.EqualTo(1));

        var cdr = Webhooks.Cdr(call.Id, call.TeleCmiRequestId, "b", "answered", "919876500012", 75, "recv_bye", null);
        Assert.That((await Api.PostWebhookAsync(cdr)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var after = await DailyAsync("from=2026-02-12&to=2026-02-12");
        Assert.Multiple(() =>
        {
            Assert.That(after["totals"]!["inProgress"]!.GetValue<int>(), Is.Zero);
            Assert.That(after["totals"]!["completed"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(after["totals"]!["talkSeconds"]!.GetValue<long>(), Is.EqualTo(75));
        });
    }

    [Test]
    public async Task ACallAddedToAClosedDay_ShowsInTheNextReport()
    {
        var before = await DailyAsync("from=2026-02-14&to=2026-02-15");
        Assert.That(before["totals"]!["calls"]!.GetValue<int>(), Is.Zero);

        await SaveAsync(Factory, Completed(agentId, d1, "2026-02-15 23:59", 42));

        var after = await DailyAsync("from=2026-02-14&to=2026-02-15");
        Assert.That(after["days"]!.AsArray().Select(d => d!["figures"]!["talkSeconds"]!.GetValue<long>()), Is.EqualTo(new long[] { 0, 42 }));
    }

    [Test]
    public async Task Today_IsCountedLive_NotStored()
    {
        await SaveAsync(Factory, Completed(agentId, d1, "2026-03-12 10:00", 30), Completed(agentId, d2, "2026-03-13 09:00", 20));

        var report = await DailyAsync("from=2026-03-11&to=2026-03-13");
        await SaveAsync(Factory, Completed(agentId, d2, "2026-03-13 11:00", 10));
        var again = await DailyAsync("from=2026-03-11&to=2026-03-13");

        Assert.That(report["days"]!.AsArray().Select(d => d!["figures"]!["talkSeconds"]!.GetValue<long>()), Is.EqualTo(new long[] { 0, 30, 20 }));
        Assert.That(again["days"]!.AsArray().Select(d => d!["figures"]!["talkSeconds"]!.GetValue<long>()), Is.EqualTo(new long[] { 0, 30, 30 }));
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.That(await db.RollupDays.Where(d => d.Day >= new DateOnly(2026, 3, 11)).Select(d => d.Day).OrderBy(d => d).ToListAsync(),
            Is.EqualTo(new[] { new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 12) }), "yesterday is stored, today is not");
    }

    [Test]
    public async Task WithTheRollupOff_ReportsCountLive_WithTheSameFigures()
    {
        await SaveAsync(Factory,
            Completed(agentId, d1, "2026-01-20 10:00", 300, CallOutcome.CallBackLater),
            Failed(agentId, d2, "2026-01-21 12:00"),
            Manual(agentId, d2, "2026-01-22 18:00", CallOutcome.WrongNumber));
        const string range = "from=2026-01-15&to=2026-03-13";
        var rolled = await DailyAsync(range);

        await using var live = new TeleCmiApiFactory(Factory.Database, b =>
        {
            PinBusinessClock(b);
            b.UseSetting("Reports:Rollup:Enabled", "false");
        });
        var adminOfLive = await new TestApi(live).AdminAsync(); // sees every agent, as the supervisor does
        var counted = await TestApi.ReadAsync(await adminOfLive.GetAsync($"/api/reports/daily?{range}"), HttpStatusCode.OK);

        Assert.That(counted.ToJsonString(), Is.EqualTo(rolled.ToJsonString()));
    }

    [Test]
    public async Task TheBackgroundRefresh_FillsTheRollupWithoutAReport()
    {
        await SaveAsync(Factory, Completed(agentId, d1, "2025-06-01 10:00", 15));

        await using var refreshing = new TeleCmiApiFactory(Factory.Database, b =>
        {
            PinBusinessClock(b);
            b.UseSetting("Reports:Rollup:RefreshMinutes", "60");
        });
        using var _ = refreshing.CreateClient(); // starts the host and its background services

        var day = new DateOnly(2025, 6, 1);
        var figures = 0;
        for (var waited = 0; waited < 60 && figures == 0; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await using var scope = Factory.Services.CreateAsyncScope();
            figures = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RollupFigures.Where(f => f.Day == day).SumAsync(f => f.Calls);
        }
        Assert.That(figures, Is.EqualTo(1), "the refresh (5 s after start) stored 1 June 2025");
    }

    private async Task<JsonObject> DailyAsync(string query) =>
        await TestApi.ReadAsync(await supervisor.GetAsync($"/api/reports/daily?{query}"), HttpStatusCode.OK);
}
