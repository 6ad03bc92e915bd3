using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Agents;

/// <summary>
/// An agent's optional <c>externalId</c> (the platform's user id): set on create, changed or cleared on update, unique
/// among agents (409), validated (400), shown to admins, and changing it does not end the agent's sessions.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class AgentExternalIdTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private int counter;

    private async Task<HttpResponseMessage> CreateAsync(HttpClient admin, string? externalId)
    {
        var n = Interlocked.Increment(ref counter);
        return await admin.PostAsJsonAsync("/api/agents", new
        {
            username = $"ext{n}_{Guid.NewGuid():N}"[..20], password = "secret-pass-1", displayName = $"External {n}",
            phone = $"+9193000{n:D5}", role = "telecaller", externalId,
        });
    }

    private static string NewExternalId() => Random.Shared.NextInt64(1_000_000, 9_999_999_999).ToString();

    [Test]
    public async Task Create_stores_the_external_id_and_admins_see_it()
    {
        var admin = await Api.AdminAsync();
        var externalId = NewExternalId();
        var created = await TestApi.ReadAsync(await CreateAsync(admin, externalId), HttpStatusCode.Created);
        Assert.That(created["externalId"]!.GetValue<string>(), Is.EqualTo(externalId));

        var list = (await admin.GetFromJsonAsync<JsonArray>("/api/agents"))!;
        var listed = list.Single(a => a!["id"]!.GetValue<int>() == created["id"]!.GetValue<int>())!;
        Assert.That(listed["externalId"]!.GetValue<string>(), Is.EqualTo(externalId));
    }

    [Test]
    public async Task An_agent_without_an_external_id_shows_null()
    {
        var admin = await Api.AdminAsync();
        var created = await TestApi.ReadAsync(await CreateAsync(admin, null), HttpStatusCode.Created);
        Assert.That(created.ContainsKey("externalId"), Is.True);
        Assert.That(created["externalId"], Is.Null);
    }

    [Test]
    public async Task A_second_agent_with_the_same_external_id_is_a_409_and_nothing_is_stored()
    {
        var admin = await Api.AdminAsync();
        var externalId = NewExternalId();
        await TestApi.ReadAsync(await CreateAsync(admin, externalId), HttpStatusCode.Created);
        var before = (await admin.GetFromJsonAsync<JsonArray>("/api/agents"))!.Count;

        var second = await CreateAsync(admin, externalId);
        var problem = await TestApi.ReadAsync(second, HttpStatusCode.Conflict);
        Assert.That(second.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(externalId));
        Assert.That((await admin.GetFromJsonAsync<JsonArray>("/api/agents"))!.Count, Is.EqualTo(before));
    }

    [TestCase("has space")]
    [TestCase("semi;colon")]
    [TestCase("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task A_malformed_external_id_is_a_400_naming_externalId(string externalId)
    {
        var admin = await Api.AdminAsync();
        var problem = await TestApi.ReadAsync(await CreateAsync(admin, externalId), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "externalId" }));
    }

    [Test]
    public async Task Update_sets_changes_and_clears_it_and_refuses_another_agents_id()
    {
        var admin = await Api.AdminAsync();
        var taken = NewExternalId();
        await TestApi.ReadAsync(await CreateAsync(admin, taken), HttpStatusCode.Created);
        var agent = await TestApi.ReadAsync(await CreateAsync(admin, null), HttpStatusCode.Created);
        var url = $"/api/agents/{agent["id"]}";

        var mine = NewExternalId();
        var set = await TestApi.ReadAsync(await admin.PatchAsJsonAsync(url, new { externalId = mine }), HttpStatusCode.OK);
        Assert.That(set["externalId"]!.GetValue<string>(), Is.EqualTo(mine));

        var clash = await admin.PatchAsJsonAsync(url, new { externalId = taken });
        await TestApi.ReadAsync(clash, HttpStatusCode.Conflict);

        var same = await TestApi.ReadAsync(await admin.PatchAsJsonAsync(url, new { externalId = mine }), HttpStatusCode.OK);
        Assert.That(same["externalId"]!.GetValue<string>(), Is.EqualTo(mine), "setting its own id again is not a clash");

        var cleared = await TestApi.ReadAsync(await admin.PatchAsJsonAsync(url, new { clearExternalId = true }), HttpStatusCode.OK);
        Assert.That(cleared["externalId"], Is.Null);

        // Once cleared, the id is free for another agent.
        var other = await TestApi.ReadAsync(await CreateAsync(admin, mine), HttpStatusCode.Created);
        Assert.That(other["externalId"]!.GetValue<string>(), Is.EqualTo(mine));
    }

    [Test]
    public async Task Changing_the_external_id_keeps_the_agents_token_working()
    {
        var (client, id) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var admin = await Api.AdminAsync();
        await TestApi.ReadAsync(await admin.PatchAsJsonAsync($"/api/agents/{id}", new { externalId = NewExternalId() }), HttpStatusCode.OK);
        Assert.That((await client.GetAsync("/api/calls")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
