using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// Who may follow which calls live, and what the stream says, with the webhooks posted by the test: the same rules as
/// <c>GET /api/calls/{id}</c>, checked before the stream starts; every path that changes a call shows up in it.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class CallEventStreamTests(DatabaseEngine engine) : ApiFixture(engine)
{
    protected override void ConfigureService(IWebHostBuilder builder) => builder.UseSetting("Streaming:HeartbeatSeconds", "1");

    [Test]
    public async Task WithoutAToken_BothStreamsAre401_AsProblemDetails()
    {
        var (owner, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (callId, _) = await PlaceAsync(owner);

        foreach (var path in new[] { $"/api/calls/{callId}/events", "/api/calls/events" })
        {
            using var response = await EventStream.SendAsync(Api.Anonymous(), path);
            Assert.That((response.StatusCode, response.Content.Headers.ContentType?.MediaType),
                Is.EqualTo((HttpStatusCode.Unauthorized, "application/problem+json")), path);
        }
    }

    [Test]
    public async Task AnotherTelecallersCall_Is404_AsProblemDetails_BeforeAnyStream()
    {
        var (owner, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (other, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (callId, _) = await PlaceAsync(owner);

        using var response = await EventStream.SendAsync(other, $"/api/calls/{callId}/events");
        using var missing = await EventStream.SendAsync(owner, "/api/calls/no-such-call/events");

        Assert.Multiple(() =>
        {
            Assert.That((response.StatusCode, response.Content.Headers.ContentType?.MediaType),
                Is.EqualTo((HttpStatusCode.NotFound, "application/problem+json")));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task ATelecallersStream_CarriesOnlyTheirOwnCalls_ASupervisorsAll_OrOneAgentsWithAgentId()
    {
        var (owner, ownerId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (other, otherId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        await using var ownStream = await EventStream.OpenAsync(owner, $"/api/calls/events?agentId={otherId}"); // ignored for a telecaller
        await using var all = await EventStream.OpenAsync(supervisor, "/api/calls/events");
        await using var othersOnly = await EventStream.OpenAsync(supervisor, $"/api/calls/events?agentId={otherId}");

        var (othersCall, _) = await PlaceAndFinishAsync(other, "9876543201");
        var (ownCall, _) = await PlaceAndFinishAsync(owner, "9876543202");

        var ownSeen = await ownStream.CallUntilFinalAsync(ownCall);
        var othersSeen = await othersOnly.CallUntilFinalAsync(othersCall);
        var allSeen = await all.CallUntilFinalAsync(ownCall);

        Assert.Multiple(() =>
        {
            Assert.That(ownSeen.Select(e => e.Call["agentId"]!.GetValue<int>()), Has.All.EqualTo(ownerId), "nothing of the other telecaller's call");
            Assert.That(othersSeen.Select(e => e.Call["agentId"]!.GetValue<int>()), Has.All.EqualTo(otherId));
            Assert.That(allSeen.Select(e => e.Call["id"]!.GetValue<string>()), Does.Contain(othersCall).And.Contain(ownCall), "a supervisor sees both");
        });
        Assert.That(await othersOnly.NoCallWithinAsync(TimeSpan.FromSeconds(1.5)), Is.True, "the owner's call is not in the filtered stream");
    }

    [Test]
    public async Task AFeedbackUpdate_IsAnEvent_WithTheCallAsGetReturnsIt()
    {
        var (owner, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (callId, _) = await PlaceAsync(owner);
        await using var stream = await EventStream.OpenAsync(owner, $"/api/calls/{callId}/events");
        var (firstId, first) = await stream.NextCallAsync();

        var updated = await owner.PutAsJsonAsync($"/api/calls/{callId}/feedback", new { outcome = "interested", remarks = "call back" });
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var (id, call) = await stream.NextCallAsync();
        var got = await TestApi.ReadAsync(await owner.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(first["outcome"], Is.Null, "the current state first");
            Assert.That(id, Is.GreaterThan(firstId));
            Assert.That(call["outcome"]!.GetValue<string>(), Is.EqualTo("interested"));
            Assert.That(call.ToJsonString(), Is.EqualTo(got.ToJsonString()));
        });
    }

    [Test]
    public async Task AnIdleStream_GetsHeartbeats_WithoutAnId()
    {
        var (owner, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        await using var stream = await EventStream.OpenAsync(owner, "/api/calls/events");

        var heartbeat = await stream.NextAsync(TimeSpan.FromSeconds(5));

        Assert.That((heartbeat.EventType, heartbeat.EventId, heartbeat.Data), Is.EqualTo(("heartbeat", (string?)null, "{}")));
        Assert.That(stream.Response.Headers.CacheControl?.NoCache, Is.True, "proxies and browsers must not cache the stream");
    }

    [Test]
    public async Task AnIdNotOfThisDatabase_GetsTheCurrentState()
    {
        var (owner, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (callId, _) = await PlaceAsync(owner);

        await using var stream = await EventStream.OpenAsync(owner, $"/api/calls/{callId}/events", lastEventId: "999999999");
        var (_, call) = await stream.NextCallAsync();

        Assert.That((call["id"]!.GetValue<string>(), call["status"]!.GetValue<string>()), Is.EqualTo((callId, "initiated")));
    }

    [Test]
    public async Task Resuming_SendsEachCallChangedSinceTheId_OnceAsItIsNow_InTheOrderOfItsLastChange()
    {
        var (owner, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (firstCall, _) = await PlaceAsync(owner, "9876543203");
        long resumeAfter;
        await using (var stream = await EventStream.OpenAsync(owner, $"/api/calls/{firstCall}/events"))
            resumeAfter = (await stream.NextCallAsync()).Id;
        var (secondCall, _) = await PlaceAndFinishAsync(owner, "9876543204");
        await owner.PutAsJsonAsync($"/api/calls/{firstCall}/feedback", new { outcome = "not_interested" });

        await using var resumed = await EventStream.OpenAsync(owner, "/api/calls/events", resumeAfter.ToString());
        var replayed = new[] { await resumed.NextCallAsync(), await resumed.NextCallAsync() };

        Assert.Multiple(() =>
        {
            Assert.That(replayed.Select(e => e.Call["id"]!.GetValue<string>()), Is.EqualTo(new[] { secondCall, firstCall }));
            Assert.That(replayed[0].Call["final"]!.GetValue<bool>(), Is.True, "the second call as it is now");
            Assert.That(replayed[1].Call["outcome"]!.GetValue<string>(), Is.EqualTo("not_interested"));
            Assert.That(replayed.Select(e => e.Id), Is.Ordered.Ascending.And.All.GreaterThan(resumeAfter));
        });
        Assert.That(await resumed.NoCallWithinAsync(TimeSpan.FromSeconds(1.5)), Is.True, "each call once");
    }

    private async Task<(string CallId, string RequestId)> PlaceAsync(HttpClient agent, string phone = "9876543210")
    {
        var driverId = await Api.NewDriverAsync(phone);
        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        return (created["id"]!.GetValue<string>(), created["teleCmiRequestId"]!.GetValue<string>());
    }

    private async Task<(string CallId, JsonObject Final)> PlaceAndFinishAsync(HttpClient agent, string phone)
    {
        var (callId, requestId) = await PlaceAsync(agent, phone);
        foreach (var hook in Webhooks.HappyPath(callId, requestId, "91" + phone, talkSeconds: 30, recording: null))
            Assert.That((await Api.PostWebhookAsync(hook)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (callId, await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK));
    }
}
