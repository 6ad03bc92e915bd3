using System.Net;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Gateway.Support;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>
/// The live stream against the stand-in, on both engines: an app that follows a call by its events (not by polling) sees
/// it move forward to <c>final</c>, and one that reconnects with <c>Last-Event-ID</c> gets what it missed.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class CallEventStreamStandInTests(DatabaseEngine engine)
{
    private static readonly string[] Progress = ["initiating", "initiated", "ringing", "answered", "completed"];
    private SimulatedApp app = null!;
    private CallsApi api = null!;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        // Webhooks apart, so that the stream has states between them to show.
        app = new SimulatedApp(new() { ["TeleCmi:Simulator:EventSpacingMs"] = "300" }, database: TestDatabase.Create(engine));
        api = await CallsApi.SignInAsync(app.Start());
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        api?.Http.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Test]
    public async Task AStandInCall_StreamsItsStatesInOrder_WithRisingIds_UntilFinal()
    {
        await using var all = await EventStream.OpenAsync(api.Http, "/api/calls/events");
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1001"), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        await using var one = await EventStream.OpenAsync(api.Http, $"/api/calls/{callId}/events");

        var (firstId, current) = await one.NextCallAsync();
        var seen = await one.CallUntilFinalAsync(callId);
        var listed = await all.CallUntilFinalAsync(callId);
        var final = await api.GetAsync(callId);

        Assert.Multiple(() =>
        {
            Assert.That(current["id"]!.GetValue<string>(), Is.EqualTo(callId), "the current state comes first");
            Assert.That(seen.Select(e => e.Id), Is.Ordered.Ascending.And.Unique, "ids rise");
            Assert.That(seen[0].Id, Is.GreaterThan(firstId));
            Assert.That(seen.Select(e => Array.IndexOf(Progress, e.Call["status"]!.GetValue<string>())), Is.Ordered.And.All.GreaterThanOrEqualTo(0),
                "statuses only move forward: " + string.Join(", ", seen.Select(e => e.Call["status"])));
            Assert.That(seen.Count(e => e.Call["status"]!.GetValue<string>() != "completed"), Is.GreaterThan(0), "states before the end are shown");
            Assert.That(seen[^1].Call.ToJsonString(), Is.EqualTo(final.ToJsonString()), "the last event is the call exactly as GET returns it");
            Assert.That(final["durationSeconds"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(listed[^1].Call.ToJsonString(), Is.EqualTo(final.ToJsonString()), "the list stream ends the same");
            Assert.That(listed.Select(e => e.Id), Is.Ordered.Ascending);
        });
    }

    [Test]
    public async Task Reconnecting_WithLastEventId_GetsWhatWasMissed_ThenLive()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1002"), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        long lastSeen;
        await using (var first = await EventStream.OpenAsync(api.Http, $"/api/calls/{callId}/events"))
            lastSeen = (await first.NextCallAsync()).Id;
        var missed = await api.WaitUntilAsync(callId, c => c["final"]!.GetValue<bool>(), "final");

        await using var again = await EventStream.OpenAsync(api.Http, $"/api/calls/{callId}/events", lastSeen.ToString());
        var (id, call) = await again.NextCallAsync();
        await using var fromList = await EventStream.OpenAsync(api.Http, $"/api/calls/events?lastEventId={lastSeen}");
        var (listedId, listed) = await fromList.NextCallAsync();

        Assert.Multiple(() =>
        {
            Assert.That(id, Is.GreaterThan(lastSeen));
            Assert.That(call.ToJsonString(), Is.EqualTo(missed.ToJsonString()), "what changed while away, as it is now");
            Assert.That((listedId, listed["id"]!.GetValue<string>()), Is.EqualTo((id, callId)), "the list stream resumes the same way (query parameter)");
        });
    }
}
