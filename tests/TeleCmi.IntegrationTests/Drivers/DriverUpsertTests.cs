using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Drivers;

/// <summary>PUT /api/drivers/{id}: the platform's record of one driver, stored under the platform's id.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class DriverUpsertTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => admin = await Api.AdminAsync();

    private static string NewId() => "PLT-" + Guid.NewGuid().ToString("N")[..12];

    [Test]
    public async Task ANewId_Is201WithLocation_AndTheSameBodyAgainIs200_WithNothingChanged()
    {
        var id = NewId();
        var body = new { name = "Ramesh Yadav", phone = "098765 43210", tmId = "TM77", kind = "transporter" };

        var first = await admin.PutAsJsonAsync($"/api/drivers/{id}", body);
        var created = await TestApi.ReadAsync(first, HttpStatusCode.Created);
        await Task.Delay(20);
        var again = await TestApi.ReadAsync(await admin.PutAsJsonAsync($"/api/drivers/{id}", body), HttpStatusCode.OK);

        Assert.That(first.Headers.Location?.ToString(), Is.EqualTo($"/api/drivers/{id}"));
        Assert.That(created["phone"]!.GetValue<string>(), Is.EqualTo("+919876543210"));
        Assert.That(created["kind"]!.GetValue<string>(), Is.EqualTo("transporter"));
        Assert.That(again.ToJsonString(), Is.EqualTo(created.ToJsonString()), "an unchanged put stores nothing, updatedAt included");
        var stored = await TestApi.ReadAsync(await admin.GetAsync($"/api/drivers/{id}"), HttpStatusCode.OK);
        Assert.That(stored.ToJsonString(), Is.EqualTo(created.ToJsonString()));
    }

    [Test]
    public async Task AChangedBody_Is200_ReplacesTheDetails_AndMovesUpdatedAtOnly()
    {
        var id = NewId();
        var created = await TestApi.ReadAsync(await admin.PutAsJsonAsync($"/api/drivers/{id}",
            new { name = "Old Name", phone = "9876543210", tmId = "TM1", kind = "transporter" }), HttpStatusCode.Created);
        await Task.Delay(20);

        var updated = await TestApi.ReadAsync(await admin.PutAsJsonAsync($"/api/drivers/{id}",
            new { name = "New Name", phone = "+91 98765 00000" }), HttpStatusCode.OK);

        Assert.That(updated["name"]!.GetValue<string>(), Is.EqualTo("New Name"));
        Assert.That(updated["phone"]!.GetValue<string>(), Is.EqualTo("+919876500000"));
        Assert.That(updated["tmId"], Is.Null, "a put is the whole record: a tmId left out is cleared");
        Assert.That(updated["kind"]!.GetValue<string>(), Is.EqualTo("driver"));
        Assert.That(updated["createdAt"]!.GetValue<DateTime>(), Is.EqualTo(created["createdAt"]!.GetValue<DateTime>()));
        Assert.That(updated["updatedAt"]!.GetValue<DateTime>(), Is.GreaterThan(created["updatedAt"]!.GetValue<DateTime>()));
    }

    [Test]
    public async Task ADriverAddedByPost_IsUpdatedByPut()
    {
        var id = await Api.NewDriverAsync();

        var updated = await TestApi.ReadAsync(await admin.PutAsJsonAsync($"/api/drivers/{id}",
            new { name = "Renamed", phone = "9876543210", tmId = "TM1", kind = "driver" }), HttpStatusCode.OK);

        Assert.That(updated["id"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(updated["name"]!.GetValue<string>(), Is.EqualTo("Renamed"));
    }

    [Test]
    public async Task InvalidFields_Are400_KeyedByJsonName_AndNothingIsStored()
    {
        var id = NewId();

        var problem = await TestApi.ReadAsync(await admin.PutAsJsonAsync($"/api/drivers/{id}",
            new { name = "", phone = "12345", tmId = new string('x', 51) }), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "name", "phone", "tmId" }));
        Assert.That((await admin.GetAsync($"/api/drivers/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AnIdLongerThan50_Is400_KeyedId()
    {
        var problem = await TestApi.ReadAsync(await admin.PutAsJsonAsync($"/api/drivers/{new string('d', 51)}",
            new { name = "A", phone = "9876543210" }), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!["id"], Is.Not.Null, problem.ToJsonString());
    }

    [TestCase("telecaller")]
    [TestCase("supervisor")]
    public async Task NonAdmins_Get403_AndNothingIsStored(string role)
    {
        var (client, _) = await Api.NewAgentAsync(role, teleCmi: false);
        var id = NewId();

        var response = await client.PutAsJsonAsync($"/api/drivers/{id}", new { name = "A", phone = "9876543210" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await admin.GetAsync($"/api/drivers/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task WithoutAToken_Is401()
    {
        var response = await Api.Anonymous().PutAsJsonAsync($"/api/drivers/{NewId()}", new { name = "A", phone = "9876543210" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ConcurrentFirstPuts_OfOneId_GiveOne201_TheRest200_NeverA500()
    {
        var id = NewId();
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Api.AdminAsync()));
        using var start = new SemaphoreSlim(0);

        var puts = clients.Select(async (client, i) =>
        {
            await start.WaitAsync();
            return await client.PutAsJsonAsync($"/api/drivers/{id}", new { name = "Racer", phone = "9876543210", tmId = $"TM{i % 2}" });
        }).ToList();
        start.Release(clients.Length);
        var responses = await Task.WhenAll(puts);

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1), string.Join(", ", statuses));
        Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(clients.Length - 1), string.Join(", ", statuses));
        var stored = await TestApi.ReadAsync(await admin.GetAsync($"/api/drivers/{id}"), HttpStatusCode.OK);
        Assert.That(stored["tmId"]!.GetValue<string>(), Is.AnyOf("TM0", "TM1"));
    }
}
