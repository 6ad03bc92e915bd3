using System.Net;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Gateway.Support;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>
/// <c>final</c> against the stand-in, scenario by scenario, on both engines: a client that polls until <c>final</c> (not
/// until a status) always ends with everything TeleCMI will tell about the call, talk time and recording included.
/// </summary>
[Order(3)]
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class FinalCallStandInTests(DatabaseEngine engine)
{
    private SimulatedApp app = null!;
    private CallsApi api = null!;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        // Webhooks a little apart, so that polling sees the states between them.
        app = new SimulatedApp(new() { ["TeleCmi:Simulator:EventSpacingMs"] = "150" }, database: TestDatabase.Create(engine));
        api = await CallsApi.SignInAsync(app.Start());
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        api?.Http.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Test, Order(1)]
    public async Task Answered_IsFinalOnlyWithTheTalkTimeAndTheRecording()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1001"), HttpStatusCode.Created);
        Assert.That(created["final"]!.GetValue<bool>(), Is.False, "just placed: TeleCMI has told us nothing yet");

        var (seen, final) = await FollowUntilFinalAsync(created["id"]!.GetValue<string>());

        Assert.Multiple(() =>
        {
            Assert.That(final["status"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(final["durationSeconds"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(final["hasRecording"]!.GetValue<bool>(), Is.True);
            Assert.That(seen.Where(c => c["final"]!.GetValue<bool>()).Select(c => c["durationSeconds"]), Has.All.Not.Null,
                "no state shown as final lacked the talk time");
            Assert.That(seen.Where(c => c["status"]!.GetValue<string>() != "completed").Select(c => c["final"]!.GetValue<bool>()), Has.All.False,
                "nothing before completed is final");
        });
    }

    [Test, Order(2)]
    public async Task DriverDoesNotAnswer_0001_IsFinalOnceBothLegsCdrsAreIn_MissedByTheDriver()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1002", "+919876500001"), HttpStatusCode.Created);

        var (seen, final) = await FollowUntilFinalAsync(created["id"]!.GetValue<string>());

        Assert.Multiple(() =>
        {
            Assert.That(final["status"]!.GetValue<string>(), Is.EqualTo("missed"));
            Assert.That(final["missedBy"]!.GetValue<string>(), Is.EqualTo("driver"));
            Assert.That(final["hasRecording"]!.GetValue<bool>(), Is.False);
            Assert.That(final["agentLegId"], Is.Not.Null);
            Assert.That(seen.Where(c => c["final"]!.GetValue<bool>()).Select(c => c["endedAt"]), Has.All.Not.Null);
        });
    }

    [Test, Order(3)]
    public async Task AgentDoesNotAnswer_0002_IsFinalWithTheAgentsCdrAlone_TheDriverWasNeverDialled()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1003", "+919876500002"), HttpStatusCode.Created);

        var (seen, final) = await FollowUntilFinalAsync(created["id"]!.GetValue<string>());

        Assert.Multiple(() =>
        {
            Assert.That(final["status"]!.GetValue<string>(), Is.EqualTo("missed"));
            Assert.That(final["missedBy"]!.GetValue<string>(), Is.EqualTo("agent"));
            Assert.That(final["driverLegId"], Is.Null, "no driver leg, so no driver CDR to wait for");
            Assert.That(seen.Where(c => c["status"]!.GetValue<string>() != "missed").Select(c => c["final"]!.GetValue<bool>()), Has.All.False);
        });
    }

    [Test, Order(4)]
    public async Task TeleCmiRefuses_0003_TheFailedCallIsFinalAtOnce()
    {
        var problem = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1004", "+919876500003"), HttpStatusCode.BadGateway);

        var call = await api.GetAsync(problem["callId"]!.GetValue<string>());

        Assert.That((call["status"]!.GetValue<string>(), call["final"]!.GetValue<bool>()), Is.EqualTo(("failed", true)));
    }

    [Test, Order(5)]
    public async Task TeleCmiIsSlow_0004_TheUnconfirmedCallIsNotFinal_UntilItsWebhooksEndIt()
    {
        var problem = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1005", "+919876500004"), HttpStatusCode.GatewayTimeout);
        var callId = problem["callId"]!.GetValue<string>();

        var (seen, final) = await FollowUntilFinalAsync(callId);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Where(c => c["status"]!.GetValue<string>() == "failed").Select(c => c["final"]!.GetValue<bool>()), Has.All.False,
                "failed while TeleCMI never confirmed: the call may be ringing");
            Assert.That(final["status"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(final["durationSeconds"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(final["hasRecording"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test, Order(6)]
    public async Task DuplicateAndOutOfOrderWebhooks_0006_FinalOnlyOnceBothCdrsAreIn()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1006", "+919876500006"), HttpStatusCode.Created);

        var (seen, final) = await FollowUntilFinalAsync(created["id"]!.GetValue<string>());

        Assert.Multiple(() =>
        {
            Assert.That(final["status"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(final["durationSeconds"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(final["hasRecording"]!.GetValue<bool>(), Is.True);
            Assert.That(seen.Where(c => c["final"]!.GetValue<bool>()).Select(c => c["answeredAt"]), Has.All.Not.Null,
                "the duplicated, late events still came in before the last CDR");
        });
    }

    [Test, Order(7)]
    public async Task TeleCmiDown_0005_TheNotPlacedCallIsFinalAtOnce()
    {
        var problem = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1007", "+919876500005"), HttpStatusCode.ServiceUnavailable);

        var call = await api.GetAsync(problem["callId"]!.GetValue<string>());

        Assert.That((call["status"]!.GetValue<string>(), call["final"]!.GetValue<bool>()), Is.EqualTo(("not_placed", true)));
    }

    /// <summary>Polls the call as a client would, keeping every state seen, until it is final (30 s at most).</summary>
    private async Task<(List<JsonObject> Seen, JsonObject Final)> FollowUntilFinalAsync(string callId)
    {
        var seen = new List<JsonObject>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var call = await api.GetAsync(callId);
            seen.Add(call);
            if (call["final"]!.GetValue<bool>()) return (seen, call);
            await Task.Delay(25);
        }
        Assert.Fail($"Call {callId} was not final within 30 s; last seen: {seen[^1].ToJsonString()}");
        return (seen, seen[^1]);
    }
}
