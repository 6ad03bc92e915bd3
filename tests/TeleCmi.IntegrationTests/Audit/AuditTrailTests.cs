using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Audit;

/// <summary>
/// The history of every change: feedback, manual calls and agent changes are appended to the audit trail, never
/// rewritten; a call's history follows the call's visibility; the whole trail is for admins.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class AuditTrailTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private HttpClient telecaller = null!, otherTelecaller = null!, supervisor = null!, admin = null!;
    private int telecallerId;
    private string driverId = null!;

    [OneTimeSetUp]
    public async Task AgentsAsync()
    {
        (telecaller, telecallerId) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        (otherTelecaller, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        admin = await Api.AdminAsync();
        driverId = await Api.NewDriverAsync("9876500011");
    }

    private async Task<string> ManualCallAsync() =>
        (await TestApi.ReadAsync(await telecaller.PostAsJsonAsync("/api/calls/manual",
            new { driverId, outcome = "connected", durationSeconds = 40, remarks = "first words" }), HttpStatusCode.Created))["id"]!.GetValue<string>();

    private static async Task<JsonArray> HistoryAsync(HttpClient client, string callId)
    {
        var response = await client.GetAsync($"/api/calls/{callId}/history");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!.AsArray();
    }

    private static JsonObject ChangeOf(JsonNode entry, string field) =>
        entry["changes"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == field)!.AsObject();

    private static string? Before(JsonNode entry, string field) => ChangeOf(entry, field)["before"]?.GetValue<string>();
    private static string? After(JsonNode entry, string field) => ChangeOf(entry, field)["after"]?.GetValue<string>();

    [Test]
    public async Task TwoFeedbackPuts_TheHistoryShowsBothVersions_AndTheFullReplaceClearsWhatTheSecondLeftOut()
    {
        var callId = await ManualCallAsync();
        var followUp = DateTimeOffset.UtcNow.AddDays(2);
        await TestApi.ReadAsync(await telecaller.PutAsJsonAsync($"/api/calls/{callId}/feedback",
            new { outcome = "interested", feedback = "wants a load", remarks = "Pune", followUpAt = followUp }), HttpStatusCode.OK);
        var second = await TestApi.ReadAsync(await supervisor.PutAsJsonAsync($"/api/calls/{callId}/feedback", new { outcome = "not_interested" }),
            HttpStatusCode.OK);

        var history = await HistoryAsync(telecaller, callId);
        Assert.Multiple(() =>
        {
            // Full replace (README): the second PUT sent only an outcome, so feedback, remarks and follow-up are cleared…
            Assert.That(second["feedback"]?.GetValue<string>(), Is.Null);
            Assert.That(second["followUpAt"]?.GetValue<string>(), Is.Null);
            Assert.That(second["durationSeconds"]!.GetValue<int>(), Is.EqualTo(40), "duration is kept when left out");
            // …and the history keeps every version: the manual call, the first feedback, the second.
            Assert.That(history.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "created", "feedback", "feedback" }));
            Assert.That(history.Select(e => e!["actorAgentId"]!.GetValue<int>()).Take(2), Is.EqualTo(new[] { telecallerId, telecallerId }));
            Assert.That(history[2]!["actorAgentId"]!.GetValue<int>(), Is.Not.EqualTo(telecallerId), "the supervisor made the second");
            Assert.That(After(history[0]!, "remarks"), Is.EqualTo("first words"));
            Assert.That(Before(history[1]!, "outcome"), Is.EqualTo("connected"));
            Assert.That(After(history[1]!, "outcome"), Is.EqualTo("interested"));
            Assert.That(After(history[1]!, "feedback"), Is.EqualTo("wants a load"));
            Assert.That(Before(history[1]!, "remarks"), Is.EqualTo("first words"));
            Assert.That(After(history[1]!, "remarks"), Is.EqualTo("Pune"));
            Assert.That(After(history[1]!, "followUpAt"), Is.Not.Null);
            Assert.That(Before(history[2]!, "feedback"), Is.EqualTo("wants a load"));
            Assert.That(After(history[2]!, "feedback"), Is.Null);
            Assert.That(Before(history[2]!, "followUpAt"), Is.EqualTo(After(history[1]!, "followUpAt")));
            Assert.That(After(history[2]!, "outcome"), Is.EqualTo("not_interested"));
            Assert.That(history[2]!["changes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()), Does.Not.Contain("durationSeconds"),
                "only changed fields are recorded");
        });
    }

    [Test]
    public async Task History_OfAnotherTelecallersCall_IsNotFound_ButSupervisorsAndAdminsSeeIt()
    {
        var callId = await ManualCallAsync();

        var other = await otherTelecaller.GetAsync($"/api/calls/{callId}/history");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(other.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await HistoryAsync(supervisor, callId), Has.Count.EqualTo(1));
        Assert.That(await HistoryAsync(admin, callId), Has.Count.EqualTo(1));
        Assert.That((await telecaller.GetAsync("/api/calls/call_nope/history")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AuditList_IsForAdminsOnly()
    {
        Assert.That((await telecaller.GetAsync("/api/audit")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await supervisor.GetAsync("/api/audit")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Api.Anonymous().GetAsync("/api/audit")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await admin.GetAsync("/api/audit")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AgentChanges_AreRecorded_PasswordsOnlyAsChanged()
    {
        var (_, id) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        await TestApi.ReadAsync(await admin.PatchAsJsonAsync($"/api/agents/{id}",
            new { role = "supervisor", password = "another-secret-9", teleCmiPassword = "tc-secret-77", isActive = false }), HttpStatusCode.OK);

        var page = await TestApi.ReadAsync(await admin.GetAsync($"/api/audit?entity=agent&entityId={id}"), HttpStatusCode.OK);
        var entries = page["items"]!.AsArray();
        var raw = page.ToJsonString();
        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "updated", "created" }), "newest first");
            Assert.That(After(entries[1]!, "role"), Is.EqualTo("telecaller"));
            Assert.That(After(entries[1]!, "password"), Is.EqualTo("(changed)"));
            Assert.That(Before(entries[0]!, "role"), Is.EqualTo("telecaller"));
            Assert.That(After(entries[0]!, "role"), Is.EqualTo("supervisor"));
            Assert.That(Before(entries[0]!, "isActive"), Is.EqualTo("true"));
            Assert.That(After(entries[0]!, "isActive"), Is.EqualTo("false"));
            Assert.That(Before(entries[0]!, "password"), Is.EqualTo("(changed)"));
            Assert.That(After(entries[0]!, "password"), Is.EqualTo("(changed)"));
            Assert.That(Before(entries[0]!, "teleCmiPassword"), Is.Null);
            Assert.That(After(entries[0]!, "teleCmiPassword"), Is.EqualTo("(changed)"));
            Assert.That(raw, Does.Not.Contain("another-secret-9").And.Not.Contain("tc-secret-77").And.Not.Contain("secret-pass-1"));
        });
    }

    [Test]
    public async Task AuditList_PagesByCursor_WithoutRepeatsOrGaps()
    {
        await ManualCallAsync();
        await ManualCallAsync();
        await ManualCallAsync();

        var all = (await TestApi.ReadAsync(await admin.GetAsync("/api/audit?entity=call&limit=200"), HttpStatusCode.OK))["items"]!.AsArray()
            .Select(e => e!["id"]!.GetValue<long>()).ToList();
        var paged = new List<long>();
        string? cursor = null;
        do
        {
            var url = "/api/audit?entity=call&limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await TestApi.ReadAsync(await admin.GetAsync(url), HttpStatusCode.OK);
            paged.AddRange(page["items"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.That(all, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(all, Is.Ordered.Descending);
        Assert.That(paged, Is.EqualTo(all));
    }

    [TestCase("entity=bogus", "entity")]
    [TestCase("entityId=call_x", "entityId")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    [TestCase("limit=0", "limit")]
    [TestCase("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    public async Task AuditList_RefusesABadQuery_KeyedByTheParameter(string query, string key)
    {
        var problem = await TestApi.ReadAsync(await admin.GetAsync("/api/audit?" + query), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(key));
    }
}
