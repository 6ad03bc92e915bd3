using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.WebhookDeliveries;

/// <summary>Unmatched deliveries in view: the admins' list with why, and replay through the same rules as a live delivery.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class WebhookDeliveryTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => admin = await Api.AdminAsync();

    [Test]
    public async Task AnUnmatchedDelivery_IsListedWithWhy_AndAReplayOnceItsCallKnowsItAppliesIt_TwiceHarmlessly()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        // The driver leg's CDR, naming its call only by conversation: no call knows that conversation yet.
        var orphan = Orphan(conversation, "b", "cdr", "answered");
        orphan["answeredsec"] = 64;
        orphan["hangup_reason"] = "recv_bye";
        orphan["filename"] = "1700000000_replayed.mp3";
        var receipt = await TestApi.ReadAsync(await Api.PostWebhookAsync(orphan), HttpStatusCode.OK);
        var deliveryId = receipt["deliveryId"]!.GetValue<long>();
        Assert.That(receipt["result"]!.GetValue<string>(), Is.EqualTo("unmatched"));

        var listed = await ItemAsync(await ListAsync($"matched=false&from={Iso(since)}"), deliveryId);
        Assert.Multiple(() =>
        {
            Assert.That(listed, Is.Not.Null, "the unmatched delivery is listed");
            Assert.That(listed!["matched"]!.GetValue<bool>(), Is.False);
            Assert.That(listed["result"]!.GetValue<string>(), Is.EqualTo("unmatched"));
            Assert.That(listed["reason"]!.GetValue<string>(), Does.Contain($"conversation_uuid '{conversation}'"));
            Assert.That(listed["callId"], Is.Null);
            Assert.That(listed["payload"]!["conversation_uuid"]!.GetValue<string>(), Is.EqualTo(conversation), "the body as received, as JSON");
        });
        Assert.That(await ItemAsync(await ListAsync($"matched=true&from={Iso(since)}"), deliveryId), Is.Null, "not among the matched");

        // The call, which then learns the conversation from a live event of its own.
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync("9876543219");
        var call = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var callId = call["id"]!.GetValue<string>();
        var started = Webhooks.Event(callId, call["teleCmiRequestId"]!.GetValue<string>(), "b", "answered", "919876543219");
        started["conversation_uuid"] = conversation;
        Assert.That((await Api.PostWebhookAsync(started)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await GetCallAsync(agent, callId))["status"]!.GetValue<string>(), Is.EqualTo("answered"));

        var replayed = await TestApi.ReadAsync(await admin.PostAsync($"/api/webhooks/deliveries/{deliveryId}/replay", null), HttpStatusCode.OK);
        var after = await GetCallAsync(agent, callId);

        Assert.Multiple(() =>
        {
            Assert.That(replayed["result"]!.GetValue<string>(), Is.EqualTo("applied"));
            Assert.That(replayed["changed"]!.GetValue<bool>(), Is.True);
            Assert.That(replayed["matched"]!.GetValue<bool>(), Is.True);
            Assert.That(replayed["callId"]!.GetValue<string>(), Is.EqualTo(callId));
            Assert.That(after["status"]!.GetValue<string>(), Is.EqualTo("completed"), "the replayed CDR ended the call");
            Assert.That(after["durationSeconds"]!.GetValue<int>(), Is.EqualTo(64));
            Assert.That(after["recordingFileName"]!.GetValue<string>(), Is.EqualTo("1700000000_replayed.mp3"));
        });
        var nowMatched = await ItemAsync(await ListAsync($"matched=true&from={Iso(since)}"), deliveryId);
        Assert.That(nowMatched?["callId"]?.GetValue<string>(), Is.EqualTo(callId), "the replay marked the delivery matched");
        Assert.That(nowMatched!["reason"], Is.Null);
        Assert.That(await ItemAsync(await ListAsync($"matched=false&from={Iso(since)}"), deliveryId), Is.Null);

        var again = await TestApi.ReadAsync(await admin.PostAsync($"/api/webhooks/deliveries/{deliveryId}/replay", null), HttpStatusCode.OK);
        var unchanged = await GetCallAsync(agent, callId);

        Assert.Multiple(() =>
        {
            Assert.That(again["result"]!.GetValue<string>(), Is.EqualTo("no_change"));
            Assert.That(again["changed"]!.GetValue<bool>(), Is.False, "the second replay says it changed nothing");
            Assert.That(again["reason"]!.GetValue<string>(), Does.Contain("already knew"));
            Assert.That(unchanged["updatedAt"]!.GetValue<DateTime>(), Is.EqualTo(after["updatedAt"]!.GetValue<DateTime>()), "the call was not touched");
        });
        var stillApplied = await ItemAsync(await ListAsync($"matched=true&from={Iso(since)}"), deliveryId);
        Assert.That((stillApplied!["result"]!.GetValue<string>(), stillApplied["attempts"]!.GetValue<int>()), Is.EqualTo(("applied", 3)),
            "it once applied, and was tried three times");
    }

    [Test]
    public async Task ReplayingADeliveryThatStillMatchesNothing_Is409WithWhy()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        var receipt = await TestApi.ReadAsync(await Api.PostWebhookAsync(Orphan(conversation, "a", "event", "started")), HttpStatusCode.OK);

        var problem = await TestApi.ReadAsync(await admin.PostAsync($"/api/webhooks/deliveries/{receipt["deliveryId"]}/replay", null), HttpStatusCode.Conflict);

        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("still matches no call").And.Contain(conversation));
    }

    [Test]
    public async Task AnUnknownDelivery_Is404()
    {
        var problem = await admin.PostAsync("/api/webhooks/deliveries/987654321/replay", null);

        Assert.That(problem.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task TheListIsForAdminsOnly()
    {
        var (telecaller, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        var receipt = await TestApi.ReadAsync(await Api.PostWebhookAsync(Orphan("conv-" + Guid.NewGuid().ToString("N"), "a", "event", "started")), HttpStatusCode.OK);

        Assert.Multiple(async () =>
        {
            Assert.That((await telecaller.GetAsync("/api/webhooks/deliveries")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await supervisor.GetAsync("/api/webhooks/deliveries")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await supervisor.PostAsync($"/api/webhooks/deliveries/{receipt["deliveryId"]}/replay", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await Api.Anonymous().GetAsync("/api/webhooks/deliveries")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task TheList_IsNewestFirst_PagedByCursor_AndFilteredByTime()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var receipt = await TestApi.ReadAsync(await Api.PostWebhookAsync(Orphan("conv-" + Guid.NewGuid().ToString("N"), "a", "event", "started")), HttpStatusCode.OK);
            ids.Add(receipt["deliveryId"]!.GetValue<long>());
            await Task.Delay(20);
        }
        var until = DateTimeOffset.UtcNow.AddSeconds(1);

        var first = await ListAsync($"matched=false&from={Iso(since)}&to={Iso(until)}&limit=2");
        var second = await ListAsync($"matched=false&from={Iso(since)}&to={Iso(until)}&limit=2&cursor={first["nextCursor"]}");
        var ours = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => i!["id"]!.GetValue<long>()).Where(ids.Contains).ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(first["nextCursor"], Is.Not.Null);
            Assert.That(ours, Is.EqualTo(ids.AsEnumerable().Reverse().ToList()), "newest first, each once across the pages");
            var before = await ListAsync($"matched=false&to={Iso(since.AddSeconds(-5))}");
            Assert.That(before["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()), Has.None.AnyOf(ids.Cast<object>().ToArray()), "'to' excludes later ones");
        });
    }

    [TestCase("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [TestCase("from=1999-12-31T00:00:00Z", "from")]
    [TestCase("to=3000-01-01T00:00:00Z", "to")]
    [TestCase("limit=0", "limit")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    public async Task AnInvalidFilter_Is400KeyedByItsName(string query, string key)
    {
        var problem = await TestApi.ReadAsync(await admin.GetAsync("/api/webhooks/deliveries?" + query), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Has.Member(key));
    }

    private static Dictionary<string, object?> Orphan(string conversation, string leg, string type, string status) => new()
    {
        ["type"] = type, ["status"] = status, ["leg"] = leg, ["conversation_uuid"] = conversation,
        ["cmiuuid"] = $"{leg}-{conversation}", ["time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ["appid"] = 1111112,
    };

    private async Task<JsonObject> ListAsync(string query) =>
        await TestApi.ReadAsync(await admin.GetAsync("/api/webhooks/deliveries?" + query), HttpStatusCode.OK);

    private static Task<JsonObject?> ItemAsync(JsonObject page, long id) =>
        Task.FromResult(page["items"]!.AsArray().Select(i => i!.AsObject()).FirstOrDefault(i => i["id"]!.GetValue<long>() == id));

    private static async Task<JsonObject> GetCallAsync(HttpClient agent, string callId) =>
        await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture));
}
