using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>Calls never ring forever, and a double tap does not dial twice.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class StuckAndDuplicateCallTests(DatabaseEngine engine)
{
    private TeleCmiApiFactory factory = null!;
    private TestApi api = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new TeleCmiApiFactory(TestDatabase.Create(engine), b =>
        {
            b.UseSetting("Calls:StaleAfterMinutes", "0");
            b.UseSetting("Calls:SweepIntervalSeconds", "1");
        });
        api = new TestApi(factory);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (factory is null) return;
        await factory.DisposeAsync();
        await factory.Database.DropAsync();
    }

    [Test]
    public async Task ACallWithoutAFinalWebhook_BecomesUnknown_AndALateCdrStillCompletesIt()
    {
        var (agent, _) = await api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await api.NewDriverAsync();
        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string status;
        do
        {
            await Task.Delay(300);
            status = (await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK))["status"]!.GetValue<string>();
        } while (status != "unknown" && DateTime.UtcNow < deadline);
        Assert.That(status, Is.EqualTo("unknown"));
        var unknown = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);
        Assert.That(unknown["final"]!.GetValue<bool>(), Is.False, "unknown is not final: a late CDR (or reconciliation) can still end it");

        await api.PostWebhookAsync(Webhooks.Cdr(callId, null, "b", "answered", "919876543210", 42, "recv_bye", null));

        var late = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);
        Assert.That(late["status"]!.GetValue<string>(), Is.EqualTo("completed"));
        Assert.That(late["durationSeconds"]!.GetValue<int>(), Is.EqualTo(42));
        Assert.That(late["final"]!.GetValue<bool>(), Is.False, "the agent's CDR is still to come");

        await api.PostWebhookAsync(Webhooks.Cdr(callId, null, "a", "answered", "919100000001", 47, "sent_bye", null));
        var final = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);
        Assert.That(final["final"]!.GetValue<bool>(), Is.True, "both legs' CDRs are in");
    }

    [Test]
    public async Task TheStaleCallSweep_NeverTouchesAnAttemptThatWasNotPlaced()
    {
        var (agent, _) = await api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await api.NewDriverAsync();
        factory.Gateway.Answer = _ => Task.FromResult<TeleCmi.Application.Common.Interfaces.ClickToCallResult>(
            new TeleCmi.Application.Common.Interfaces.ClickToCallResult.NotPlaced("TeleCMI answered HTTP 503", TimeSpan.FromSeconds(5)));
        var problem = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.ServiceUnavailable);
        var notPlacedId = problem["callId"]!.GetValue<string>();
        var before = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{notPlacedId}"), HttpStatusCode.OK);
        factory.Gateway.Answer = _ => Task.FromResult<TeleCmi.Application.Common.Interfaces.ClickToCallResult>(
            new TeleCmi.Application.Common.Interfaces.ClickToCallResult.Accepted("req-" + Guid.NewGuid().ToString("N")[..12]));
        var live = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = await api.NewDriverAsync("9876500071") }), HttpStatusCode.Created);

        // The sweep has run once the live call beside it is marked unknown.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string status;
        do
        {
            await Task.Delay(300);
            status = (await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{live["id"]!.GetValue<string>()}"), HttpStatusCode.OK))["status"]!.GetValue<string>();
        } while (status != "unknown" && DateTime.UtcNow < deadline);
        Assert.That(status, Is.EqualTo("unknown"));
        var after = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{notPlacedId}"), HttpStatusCode.OK);

        Assert.That(after.ToJsonString(), Is.EqualTo(before.ToJsonString()), "still not_placed, untouched");
        Assert.That(after["status"]!.GetValue<string>(), Is.EqualTo("not_placed"));
    }
}

/// <summary>The double-tap guard, with the default stale time so the first call stays live.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class DoubleTapTests(DatabaseEngine engine) : ApiFixture(engine)
{
    [Test]
    public async Task ASecondCallToTheSameDriverWhileTheFirstIsLive_Is409NamingTheFirst_AndTeleCmiIsAskedOnce()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        var first = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);

        var second = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Conflict);

        Assert.That(second["existingId"]!.GetValue<string>(), Is.EqualTo(first["id"]!.GetValue<string>()));
        Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ASecondTapAfterATimeout_Is409_BecauseTheFirstCallMayStillRing()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        Factory.Gateway.Answer = _ => Task.FromResult<TeleCmi.Application.Common.Interfaces.ClickToCallResult>(
            new TeleCmi.Application.Common.Interfaces.ClickToCallResult.Unconfirmed("timed out", TimeSpan.FromSeconds(10)));
        var first = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.GatewayTimeout);

        var second = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Conflict);

        Assert.That(second["existingId"]!.GetValue<string>(), Is.EqualTo(first["callId"]!.GetValue<string>()));
        Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1));
    }
}
