using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// <c>final</c> through HTTP with the webhooks posted by the test in a chosen order: a <c>completed</c> call waiting for
/// the driver leg's CDR is not final; the CDR makes it final with its talk time and recording, in the call, the list and
/// the 201.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class FinalCallTests(DatabaseEngine engine) : ApiFixture(engine)
{
    [Test]
    public async Task ACompletedCall_WaitingForTheDriversCdr_IsNotFinal_UntilThatCdrBringsTheTalkTimeAndRecording()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync("9876543210");
        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        var hooks = Webhooks.HappyPath(callId, created["teleCmiRequestId"]!.GetValue<string>(), "919876543210", talkSeconds: 42,
            recording: "1700000000_final.mp3").ToList();
        Assert.That(created["final"]!.GetValue<bool>(), Is.False);

        foreach (var hook in hooks[..5]) // both legs answered, then the agent's CDR: everything but the driver's CDR
            Assert.That((await Api.PostWebhookAsync(hook)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var waiting = await GetAsync(agent, callId);
        var listed = await ListedAsync(agent, callId);

        Assert.Multiple(() =>
        {
            Assert.That(waiting["status"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(waiting["final"]!.GetValue<bool>(), Is.False, "the driver leg's CDR is still to come");
            Assert.That(waiting["durationSeconds"], Is.Null);
            Assert.That(listed["final"]!.GetValue<bool>(), Is.False, "the list says the same");
        });

        Assert.That((await Api.PostWebhookAsync(hooks[5])).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var final = await GetAsync(agent, callId);

        Assert.Multiple(() =>
        {
            Assert.That(final["final"]!.GetValue<bool>(), Is.True);
            Assert.That(final["durationSeconds"]!.GetValue<int>(), Is.EqualTo(42));
            Assert.That(final["hasRecording"]!.GetValue<bool>(), Is.True);
        });
        Assert.That((await ListedAsync(agent, callId))["final"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task TheAgentDidNotPickUp_TheCallIsFinalWithTheAgentsCdr_NoDriverCdrIsAwaited()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync("9876543211");
        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        var requestId = created["teleCmiRequestId"]!.GetValue<string>();

        await Api.PostWebhookAsync(Webhooks.Event(callId, requestId, "a", "started", "919100000001"));
        Assert.That((await GetAsync(agent, callId))["final"]!.GetValue<bool>(), Is.False, "ringing");
        await Api.PostWebhookAsync(Webhooks.Cdr(callId, requestId, "a", "missed", "919100000001", 0, "recv_cancel", null));
        var call = await GetAsync(agent, callId);

        Assert.That((call["status"]!.GetValue<string>(), call["missedBy"]!.GetValue<string>(), call["final"]!.GetValue<bool>()),
            Is.EqualTo(("missed", "agent", true)));
    }

    [Test]
    public async Task AManualCall_IsFinalAtOnce()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await Api.NewDriverAsync("9876543212");

        var logged = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected", durationSeconds = 30 }),
            HttpStatusCode.Created);

        Assert.That((logged["provider"]!.GetValue<string>(), logged["final"]!.GetValue<bool>()), Is.EqualTo(("manual", true)));
    }

    private static async Task<JsonObject> GetAsync(HttpClient agent, string callId) =>
        await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);

    private static async Task<JsonObject> ListedAsync(HttpClient agent, string callId)
    {
        var page = await TestApi.ReadAsync(await agent.GetAsync("/api/calls"), HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(i => i!.AsObject()).Single(i => i["id"]!.GetValue<string>() == callId);
    }
}
