using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.Domain.Calls;
using TeleCmi.IntegrationTests.Support;
using static TeleCmi.IntegrationTests.Reports.ReportData;

namespace TeleCmi.IntegrationTests.Reports;

/// <summary>
/// "Call back today": follow-ups at a pinned now (Friday 13 March 2026, 15:00 IST).
/// <code>
/// agent D  driver  call (IST)          follow-up (IST)     note
///          X       11th 10:00          12th 09:00          superseded by the next call to X
///          X       12th 10:00          13th 10:00          due today, overdue
///          Y       12th 11:00          13th 18:00          due today, upcoming
///          Z       12th 12:00          15th 10:00          upcoming
///          W       10th 09:00          11th 09:00          overdue; a later FAILED call does not supersede it
///          W       13th 12:00 failed   -
///          W       13th 12:30 not placed -                 (TeleCMI down) does not supersede it either
///          V       9th 09:00           20th 10:00          superseded by a later manual call without follow-up
///          V       12th 09:00 manual   -
/// agent E  X       12th 13:00          13th 11:00          another agent's
/// </code>
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class FollowUpTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private HttpClient agentD = null!, agentE = null!, supervisor = null!;
    private int d, e;
    private string xToday = "", yToday = "", zLater = "", wOverdue = "", eToday = "";

    protected override void ConfigureService(IWebHostBuilder builder) => PinBusinessClock(builder);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        (agentD, d) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (agentE, e) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        async Task<CallParty> NewDriver(string phone, string name) => Driver(await Api.NewDriverAsync(phone, name), name, phone);
        var (x, y, z, w, v) = (await NewDriver("9876511111", "Xavier"), await NewDriver("9876522222", "Yash"), await NewDriver("9876533333", "Zubin"),
            await NewDriver("9876544444", "Wasim"), await NewDriver("9876555555", "Vikram"));

        var calls = new[]
        {
            WithFeedback(Missed(d, x, "2026-03-11 10:00"), CallOutcome.NotReachable, Ist("2026-03-12 09:00")),
            WithFeedback(Completed(d, x, "2026-03-12 10:00", 60), CallOutcome.CallBackLater, Ist("2026-03-13 10:00"), "Asked to call after loading", "Wants the Pune load"),
            WithFeedback(Completed(d, y, "2026-03-12 11:00", 30), CallOutcome.Interested, Ist("2026-03-13 18:00")),
            WithFeedback(Completed(d, z, "2026-03-12 12:00", 45), CallOutcome.CallBackLater, Ist("2026-03-15 10:00")),
            WithFeedback(Missed(d, w, "2026-03-10 09:00"), CallOutcome.Busy, Ist("2026-03-11 09:00")),
            Failed(d, w, "2026-03-13 12:00"),
            NotPlaced(d, w, Ist("2026-03-13 12:30")),
            WithFeedback(Completed(d, v, "2026-03-09 09:00", 20), CallOutcome.CallBackLater, Ist("2026-03-20 10:00")),
            Manual(d, v, "2026-03-12 09:00", CallOutcome.NotInterested),
            WithFeedback(Completed(e, x, "2026-03-12 13:00", 80), CallOutcome.CallBackLater, Ist("2026-03-13 11:00")),
        };
        await SaveAsync(Factory, calls);
        (xToday, yToday, zLater, wOverdue, eToday) = (calls[1].Id, calls[2].Id, calls[3].Id, calls[4].Id, calls[9].Id);
    }

    [Test]
    public async Task DueToday_ListsTodaysFollowUps_SoonestFirst_WithTheLastCall()
    {
        var page = await GetAsync(agentD, "/api/follow-ups?due=today");

        var items = page["items"]!.AsArray();
        Assert.That(items.Select(i => i!["callId"]!.GetValue<string>()), Is.EqualTo(new[] { xToday, yToday }));
        Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(2));
        var first = items[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(first["driverName"]!.GetValue<string>(), Is.EqualTo("Xavier"));
            Assert.That(first["driverPhone"]!.GetValue<string>(), Is.EqualTo("+919876511111"));
            Assert.That(first["lastOutcome"]!.GetValue<string>(), Is.EqualTo("call_back_later"));
            Assert.That(first["lastFeedback"]!.GetValue<string>(), Is.EqualTo("Asked to call after loading"));
            Assert.That(first["lastRemarks"]!.GetValue<string>(), Is.EqualTo("Wants the Pune load"));
            Assert.That(first["lastStatus"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(first["followUpAtLocal"]!.GetValue<string>(), Is.EqualTo("2026-03-13T10:00:00+05:30"));
            Assert.That(first["overdue"]!.GetValue<bool>(), Is.True);
            Assert.That(items[1]!["overdue"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task Overdue_Upcoming_AndAll()
    {
        Assert.That(await IdsAsync(agentD, "due=overdue"), Is.EqualTo(new[] { wOverdue, xToday }), "a failed call, or one never placed, does not supersede W's follow-up");
        Assert.That(await IdsAsync(agentD, "due=upcoming"), Is.EqualTo(new[] { yToday, zLater }), "V's follow-up was superseded by a later call");
        Assert.That(await IdsAsync(agentD, "due=all"), Is.EqualTo(new[] { wOverdue, xToday, yToday, zLater }));
        Assert.That(await IdsAsync(agentD, "due=all&limit=2&offset=1"), Is.EqualTo(new[] { xToday, yToday }));
    }

    [Test]
    public async Task EachAgentSeesTheirOwn_SupervisorsMayPassAnAgent()
    {
        Assert.That(await IdsAsync(agentE, "due=today"), Is.EqualTo(new[] { eToday }));
        Assert.That(await IdsAsync(supervisor, $"due=today&agentId={d}"), Is.EqualTo(new[] { xToday, yToday }));
        Assert.That(await IdsAsync(supervisor, "due=today"), Is.Empty, "a supervisor's own follow-ups by default");

        var refused = await agentE.GetAsync($"/api/follow-ups?agentId={d}");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task SummaryCountsFollowUps()
    {
        var summary = await GetAsync(agentD, "/api/reports/summary");
        Assert.That(summary["followUps"]!["dueToday"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(summary["followUps"]!["overdue"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [TestCase("due=tomorrow")]
    [TestCase("limit=0")]
    [TestCase("limit=201")]
    public async Task BadQuery_Is400Problem(string query)
    {
        var response = await agentD.GetAsync("/api/follow-ups?" + query);
        await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string url) => await TestApi.ReadAsync(await client.GetAsync(url), HttpStatusCode.OK);

    private static async Task<string[]> IdsAsync(HttpClient client, string query) =>
        (await GetAsync(client, "/api/follow-ups?" + query))["items"]!.AsArray().Select(i => i!["callId"]!.GetValue<string>()).ToArray();
}
