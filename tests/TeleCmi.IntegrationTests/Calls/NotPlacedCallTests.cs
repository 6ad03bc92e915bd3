using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using NUnit.Framework;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.Infrastructure.Telephony;
using TeleCmi.IntegrationTests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static TeleCmi.IntegrationTests.Reports.ReportData;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// Calls never placed are not the agent's failures. The service runs with its real TeleCMI gateway (retries, circuit
/// breaker) against a local HTTP stand-in (WireMock) that plays TeleCMI down (503), refusing (404) or accepting; the
/// real clock, so the attempts land on today. An attempt TeleCMI certainly did not take is stored <c>not_placed</c>,
/// answered 503 as before, listed and filterable, and every report leaves it out of calls, failed and connectRate
/// and counts it in <c>notPlaced</c>.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class NotPlacedCallTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private const string ClickToCallPath = "/v2/webrtc/click2call";
    private readonly WireMockServer teleCmi = WireMockServer.Start();
    private HttpClient supervisor = null!;

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("TeleCmi:Mode", "Live");
        builder.UseSetting("TeleCmi:BaseUrl", teleCmi.Url);
        builder.UseSetting("TeleCmi:RetryBaseDelayMs", "10");
        // Every test here takes TeleCMI down; an open circuit would turn the refusals into "not placed" too.
        builder.UseSetting("TeleCmi:CircuitBreakerMinimumThroughput", "1000");
        builder.ConfigureTestServices(services =>
        {
            // The test host swaps the port for a fake; put the real HTTP gateway (the app's typed client) back.
            services.RemoveAll<ITeleCmiGateway>();
            services.AddTransient<ITeleCmiGateway>(sp => sp.GetRequiredService<ITypedHttpClientFactory<TeleCmiHttpGateway>>()
                .CreateClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(TeleCmiServiceCollectionExtensions.ClientName)));
        });
    }

    [OneTimeSetUp]
    public async Task SignInSupervisorAsync() => (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);

    [OneTimeTearDown]
    public void StopTeleCmi()
    {
        teleCmi.Stop();
        teleCmi.Dispose();
    }

    [Test]
    public async Task TeleCmiDown_TheAttemptIsAnswered503_StoredNotPlaced_ListedAndFilterable_AndNotLive()
    {
        var (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync("9876500051");
        TeleCmiIsDown();

        using var response = await agent.PostAsJsonAsync("/api/calls", new { driverId });
        var problem = await TestApi.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        var callId = problem["callId"]!.GetValue<string>();
        var call = await GetAsync(agent, $"/api/calls/{callId}");
        var listed = Ids(await GetAsync(agent, "/api/calls?status=not_placed"));
        var failed = Ids(await GetAsync(agent, "/api/calls?status=failed"));
        var all = Ids(await GetAsync(supervisor, $"/api/calls?agentId={agentId}"));
        var csv = (await (await agent.GetAsync("/api/calls/export?status=not_placed")).Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)), "TeleCMI's own Retry-After, as before");
            Assert.That(teleCmi.LogEntries.Count(), Is.EqualTo(3), "a 503 proves nothing was placed: retried twice, then given up");
            Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("not_placed"));
            Assert.That(call["failureReason"]!.GetValue<string>(), Does.Contain("no call was placed"));
            Assert.That(listed, Is.EqualTo(new[] { callId }), "filterable by status");
            Assert.That(failed, Does.Not.Contain(callId), "not the agent's failure");
            Assert.That(all, Does.Contain(callId), "listed with the other calls");
            Assert.That(csv.Where(line => line.StartsWith(callId + ",")).ToList(), Has.Count.EqualTo(1).And.All.Contains(",not_placed,"),
                "exported as in the JSON API");
        });

        // Not live: the next tap for the same driver is dialled again at once, not refused as a double tap.
        using var again = await agent.PostAsJsonAsync("/api/calls", new { driverId });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await again.Content.ReadAsStringAsync());
        Assert.That(teleCmi.LogEntries.Count(), Is.EqualTo(6));
    }

    [Test]
    public async Task TeleCmiRefuses_TheCallIsStillFailed_AndCountedAsACall()
    {
        var (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync("9876500052");
        TeleCmiAnswers(404, """{"code":404,"msg":"Invalid number"}""");

        var problem = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.BadGateway);
        var call = await GetAsync(agent, $"/api/calls/{problem["callId"]!.GetValue<string>()}");
        var today = (await DailyAsync(agentId))["totals"]!;

        Assert.Multiple(() =>
        {
            Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(teleCmi.LogEntries.Count(), Is.EqualTo(1), "a refusal is not retried");
            Assert.That(today["calls"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(today["failed"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(today["notPlaced"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task AnOutage_LeavesCallsFailedAndConnectRateOfEveryReportUnchanged_AndCountsNotPlaced()
    {
        var (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        string[] drivers = [await Api.NewDriverAsync("9876500053"), await Api.NewDriverAsync("9876500054"), await Api.NewDriverAsync("9876500055")];
        // Before the outage: one call answered and completed, one refused: 2 calls, 1 failed, a 50 % connect rate.
        await CompletedCallAsync(agent, drivers[0], "919876500053");
        TeleCmiAnswers(404, """{"code":404,"msg":"Invalid number"}""");
        await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = drivers[1] }), HttpStatusCode.BadGateway);
        var before = await ReportsAsync(agentId);
        Assert.That(before.AgentDaily["totals"]!["connectRate"]!.GetValue<double>(), Is.EqualTo(0.5));

        // The outage: six taps on three drivers, every one answered 503.
        TeleCmiIsDown();
        foreach (var driverId in drivers.Concat(drivers))
        {
            using var response = await agent.PostAsJsonAsync("/api/calls", new { driverId });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await response.Content.ReadAsStringAsync());
        }
        var after = await ReportsAsync(agentId);

        foreach (var (name, figuresBefore, figuresAfter) in before.Figures().Zip(after.Figures(), (b, a) => (b.Name, b.Figures, a.Figures)))
            Assert.Multiple(() =>
            {
                Assert.That(WithoutNotPlaced(figuresAfter), Is.EqualTo(WithoutNotPlaced(figuresBefore)), name + ": calls, failed, connectRate, outcomes unchanged");
                Assert.That(figuresAfter["notPlaced"]!.GetValue<int>() - figuresBefore["notPlaced"]!.GetValue<int>(), Is.EqualTo(6), name + ": notPlaced");
            });
        Assert.Multiple(() =>
        {
            Assert.That(after.AgentDaily["totals"]!["calls"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(after.AgentDaily["totals"]!["failed"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(after.AgentDaily["totals"]!["connectRate"]!.GetValue<double>(), Is.EqualTo(0.5));
            Assert.That(after.AgentSummary["agentsWithCalls"]!.GetValue<int>(), Is.EqualTo(before.AgentSummary["agentsWithCalls"]!.GetValue<int>()));
        });
    }

    [Test]
    public async Task OnAClosedDay_TheRollupAndTheLiveCountAgree_NotPlacedApartFromCallsAndFailed()
    {
        var (_, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driver = Driver(await Api.NewDriverAsync("9876500056"), "Ramesh Yadav", "9876500056");
        var ist = TimeSpan.FromMinutes(330);
        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(ist).Date).AddDays(-5);
        DateTimeOffset At(int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), ist);
        await SaveAsync(Factory,
            Completed(agentId, driver, At(10), 60),
            Failed(agentId, driver, At(11)),
            NotPlaced(agentId, driver, At(12)),
            NotPlaced(agentId, driver, At(12).AddMinutes(1)),
            NotPlaced(agentId, driver, At(12).AddMinutes(2)));

        // All agents: a closed day is read from the rollup (filled on demand); one agent: counted live from call_logs.
        var rolledUp = (await GetAsync(supervisor, $"/api/reports/daily?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}"))["totals"]!;
        var live = (await GetAsync(supervisor, $"/api/reports/daily?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&agentId={agentId}"))["totals"]!;
        var agents = (await GetAsync(supervisor, $"/api/reports/agents?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}"))["agents"]!.AsArray()
            .Single(a => a!["agentId"]!.GetValue<int>() == agentId)!["figures"]!;
        await using var scope = Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RollupFigures.AsNoTracking().Where(f => f.Day == day).ToListAsync();

        Assert.Multiple(() =>
        {
            foreach (var (name, f) in new[] { ("rollup", rolledUp), ("live", live), ("agents", agents) })
            {
                Assert.That(f["calls"]!.GetValue<int>(), Is.EqualTo(2), name + ": calls");
                Assert.That(f["failed"]!.GetValue<int>(), Is.EqualTo(1), name + ": failed");
                Assert.That(f["connectRate"]!.GetValue<double>(), Is.EqualTo(0.5), name + ": connectRate");
                Assert.That(f["outcomes"]!["none"]!.GetValue<int>(), Is.EqualTo(2), name + ": outcomes");
                Assert.That(f["notPlaced"]!.GetValue<int>(), Is.EqualTo(3), name + ": notPlaced");
            }
            Assert.That(WithoutNotPlaced(rolledUp), Is.EqualTo(WithoutNotPlaced(live)));
            Assert.That(stored.Sum(f => f.Calls), Is.EqualTo(2), "the stored rollup row");
            Assert.That(stored.Sum(f => f.NotPlaced), Is.EqualTo(3), "the stored rollup row");
        });
    }

    private sealed record Reports(JsonObject AgentDaily, JsonObject AllDaily, JsonObject Agents, JsonObject AgentSummary, JsonObject AllSummary, int AgentId)
    {
        public IEnumerable<(string Name, JsonNode Figures)> Figures()
        {
            yield return ("daily, one agent, totals", AgentDaily["totals"]!);
            yield return ("daily, one agent, today", AgentDaily["days"]!.AsArray().Last()!["figures"]!);
            yield return ("daily, all agents, totals", AllDaily["totals"]!);
            yield return ("agents", Agents["agents"]!.AsArray().Single(a => a!["agentId"]!.GetValue<int>() == AgentId)!["figures"]!);
            yield return ("summary, one agent", AgentSummary["totals"]!);
            yield return ("summary, all agents", AllSummary["totals"]!);
        }
    }

    private async Task<Reports> ReportsAsync(int agentId) => new(
        await DailyAsync(agentId),
        await GetAsync(supervisor, "/api/reports/daily"),
        await GetAsync(supervisor, "/api/reports/agents"),
        await GetAsync(supervisor, $"/api/reports/summary?period=today&agentId={agentId}"),
        await GetAsync(supervisor, "/api/reports/summary?period=week"),
        agentId);

    private Task<JsonObject> DailyAsync(int agentId) => GetAsync(supervisor, $"/api/reports/daily?agentId={agentId}");

    private async Task CompletedCallAsync(HttpClient agent, string driverId, string driverDigits)
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N")[..12];
        TeleCmiAnswers(200, $$"""{"code":200,"msg":"Call initiated","request_id":"{{requestId}}"}""");
        var call = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var callId = call["id"]!.GetValue<string>();
        foreach (var hook in Webhooks.HappyPath(callId, requestId, driverDigits, talkSeconds: 40, recording: null))
            Assert.That((await Api.PostWebhookAsync(hook)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await GetAsync(agent, $"/api/calls/{callId}"))["status"]!.GetValue<string>(), Is.EqualTo("completed"));
    }

    private void TeleCmiIsDown() => TeleCmiAnswers(503, """{"code":503,"msg":"Service unavailable"}""", retryAfter: "7");

    private void TeleCmiAnswers(int status, string body, string? retryAfter = null)
    {
        teleCmi.Reset();
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        if (retryAfter is not null) response = response.WithHeader("Retry-After", retryAfter);
        teleCmi.Given(Request.Create().WithPath(ClickToCallPath).UsingPost()).RespondWith(response);
    }

    private static string WithoutNotPlaced(JsonNode figures)
    {
        var copy = figures.DeepClone().AsObject();
        copy.Remove("notPlaced");
        return copy.ToJsonString();
    }

    private static List<string> Ids(JsonObject page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();

    private static async Task<JsonObject> GetAsync(HttpClient client, string url) => await TestApi.ReadAsync(await client.GetAsync(url), HttpStatusCode.OK);
}
