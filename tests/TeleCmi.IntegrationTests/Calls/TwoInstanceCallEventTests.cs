using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// Two service instances (two hosts, two pollers) on one database: a change made through the second reaches a
/// subscriber of the first within 2 s, through the database and nothing else.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class TwoInstanceCallEventTests(DatabaseEngine engine)
{
    private TeleCmiApiFactory first = null!;
    private TeleCmiApiFactory second = null!;

    [OneTimeSetUp]
    public async Task StartTwoInstancesAsync()
    {
        var database = TestDatabase.Create(engine);
        // One after the other: the first applies the migrations and seeds the admin, the second finds them done.
        first = await StartAsync(new TeleCmiApiFactory(database));
        second = await StartAsync(new TeleCmiApiFactory(database));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (second is not null) await second.DisposeAsync();
        if (first is null) return;
        await first.DisposeAsync();
        await first.Database.DropAsync();
    }

    [Test]
    public async Task AChangeMadeThroughTheSecondInstance_ReachesASubscriberOfTheFirst_WithinTwoSeconds()
    {
        var onSecond = new TestApi(second);
        var (agentOnSecond, agentId) = await onSecond.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await onSecond.NewDriverAsync("9876543299");
        var supervisorOnFirst = await new TestApi(first).AdminAsync();
        await using var stream = await EventStream.OpenAsync(supervisorOnFirst, $"/api/calls/events?agentId={agentId}");

        var placed = Stopwatch.StartNew();
        var created = await TestApi.ReadAsync(await agentOnSecond.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var (_, call) = await stream.NextCallAsync(TimeSpan.FromSeconds(5));
        var reached = placed.Elapsed;

        var callId = created["id"]!.GetValue<string>();
        var answered = Stopwatch.StartNew();
        foreach (var hook in Webhooks.HappyPath(callId, created["teleCmiRequestId"]!.GetValue<string>(), "919876543299", 20, null).Take(2))
            Assert.That((await onSecond.PostWebhookAsync(hook)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var (_, ringing) = await stream.NextCallAsync(TimeSpan.FromSeconds(5));
        var webhookReached = answered.Elapsed;

        Assert.Multiple(() =>
        {
            Assert.That(call["id"]!.GetValue<string>(), Is.EqualTo(callId));
            Assert.That(reached, Is.LessThan(TimeSpan.FromSeconds(2)), "the initiated call");
            Assert.That(ringing["id"]!.GetValue<string>(), Is.EqualTo(callId));
            Assert.That(ringing["status"]!.GetValue<string>(), Is.Not.EqualTo("initiated"), "the webhooks' change");
            Assert.That(webhookReached, Is.LessThan(TimeSpan.FromSeconds(2)), "the webhooks' change");
        });
    }

    private static async Task<TeleCmiApiFactory> StartAsync(TeleCmiApiFactory factory)
    {
        using var client = factory.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        Assert.That((int)ready.StatusCode, Is.EqualTo(200), await ready.Content.ReadAsStringAsync());
        return factory;
    }
}
