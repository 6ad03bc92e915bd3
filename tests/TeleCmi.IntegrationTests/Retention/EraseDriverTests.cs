using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Domain.Webhooks;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Retention;

/// <summary>
/// <c>POST /api/drivers/{id}/erase</c>: one driver's personal data masked everywhere at once (driver, calls, webhook
/// bodies, audit entries), counts and reports unchanged, and the erasure itself recorded without the erased values.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class EraseDriverTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private const string Phone = "9876504321", Name = "Mahesh Patil";
    private HttpClient telecaller = null!, supervisor = null!, admin = null!;

    [OneTimeSetUp]
    public async Task AgentsAsync()
    {
        (telecaller, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        admin = await Api.AdminAsync();
    }

    private async Task<long> StoreDeliveryAsync(string payload)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var delivery = new WebhookDelivery(payload, Guid.NewGuid().ToString("N"), DateTime.UtcNow);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    private async Task<string> PayloadAsync(long id)
    {
        using var scope = Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id)).Payload;
    }

    private async Task<string> TodaysReportAsync() =>
        (await TestApi.ReadAsync(await supervisor.GetAsync("/api/reports/daily"), HttpStatusCode.OK))["totals"]!.ToJsonString();

    [Test]
    public async Task Erase_MasksTheDriverEverywhere_KeepsTheFigures_AndRecordsThatItHappened()
    {
        var driverId = await Api.NewDriverAsync(Phone, "Mahesh P");
        // A driver change in the audit trail (the old and new names are personal data).
        await TestApi.ReadAsync(await admin.PutAsJsonAsync($"/api/drivers/{driverId}", new { name = Name, phone = Phone, tmId = "TM7", kind = "driver" }),
            HttpStatusCode.OK);
        var call = await TestApi.ReadAsync(await telecaller.PostAsJsonAsync("/api/calls/manual",
            new { driverId, outcome = "connected", durationSeconds = 65 }), HttpStatusCode.Created);
        var callId = call["id"]!.GetValue<string>();
        var carrying = await StoreDeliveryAsync($"{{\"type\":\"cdr\",\"to\":\"91{Phone}\",\"from\":\"5003\",\"custom\":\"{callId}\"}}");
        var other = await StoreDeliveryAsync("{\"type\":\"cdr\",\"to\":\"919800000000\"}");
        var reportBefore = await TodaysReportAsync();

        var result = await TestApi.ReadAsync(await admin.PostAsync($"/api/drivers/{driverId}/erase", null), HttpStatusCode.OK);

        var driver = await TestApi.ReadAsync(await admin.GetAsync($"/api/drivers/{driverId}"), HttpStatusCode.OK);
        var storedCall = await TestApi.ReadAsync(await supervisor.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);
        var audit = await TestApi.ReadAsync(await admin.GetAsync($"/api/audit?entity=driver&entityId={driverId}"), HttpStatusCode.OK);
        var entries = audit["items"]!.AsArray();
        var carryingNow = await PayloadAsync(carrying);
        var otherNow = await PayloadAsync(other);
        var reportAfter = await TodaysReportAsync();
        Assert.Multiple(() =>
        {
            Assert.That(result["callsMasked"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(result["webhookDeliveriesRedacted"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(result["auditEntriesRedacted"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(driver["name"]!.GetValue<string>(), Is.EqualTo("(removed)"));
            Assert.That(driver["phone"]!.GetValue<string>(), Is.EqualTo("+91******4321"));
            Assert.That(driver["tmId"]?.GetValue<string>(), Is.Null);
            Assert.That(storedCall["driverPhone"]!.GetValue<string>(), Is.EqualTo("+91******4321"));
            Assert.That(storedCall["driverName"]!.GetValue<string>(), Is.EqualTo("(removed)"));
            Assert.That(storedCall["durationSeconds"]!.GetValue<int>(), Is.EqualTo(65));
            Assert.That(storedCall["outcome"]!.GetValue<string>(), Is.EqualTo("connected"));
            Assert.That(carryingNow, Does.Not.Contain(Phone).And.Contain("+91******4321").And.Contain(callId));
            Assert.That(otherNow, Does.Contain("919800000000"), "another number's delivery is untouched");
            Assert.That(entries.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "erased", "updated" }));
            Assert.That(entries[0]!["changes"]!.AsArray(), Is.Empty, "the erasure is recorded, not what was erased");
            Assert.That(entries[0]!["actorAgentId"]!.GetValue<int?>(), Is.Not.Null);
            Assert.That(audit.ToJsonString(), Does.Not.Contain(Name).And.Not.Contain("Mahesh P").And.Not.Contain(Phone));
            Assert.That(reportAfter, Is.EqualTo(reportBefore), "counts and durations unchanged");
        });

        var again = await TestApi.ReadAsync(await admin.PostAsync($"/api/drivers/{driverId}/erase", null), HttpStatusCode.OK);
        Assert.That(again["callsMasked"]!.GetValue<int>() + again["webhookDeliveriesRedacted"]!.GetValue<int>() + again["auditEntriesRedacted"]!.GetValue<int>(),
            Is.Zero, "erasing again changes nothing more");
        var after = (await TestApi.ReadAsync(await admin.GetAsync($"/api/audit?entity=driver&entityId={driverId}"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.That(after, Has.Count.EqualTo(2), "no second erasure entry");
    }

    [Test]
    public async Task AnErasedDriver_CannotBeCalledOnTheNumberOnRecord_ButANumberGivenIsLogged()
    {
        var driverId = await Api.NewDriverAsync("9876504999");
        await TestApi.ReadAsync(await admin.PostAsync($"/api/drivers/{driverId}/erase", null), HttpStatusCode.OK);

        var refused = await TestApi.ReadAsync(await telecaller.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected" }),
            HttpStatusCode.UnprocessableEntity);
        Assert.That(refused["errors"]!.AsObject().Select(e => e.Key), Does.Contain("phone"));
        await TestApi.ReadAsync(await telecaller.PostAsJsonAsync("/api/calls/manual", new { driverId, phone = "9876504999", outcome = "connected" }),
            HttpStatusCode.Created);
    }

    [Test]
    public async Task Erase_IsForAdminsOnly_AndAnUnknownDriverIsNotFound()
    {
        var driverId = await Api.NewDriverAsync("9876504888");
        Assert.That((await telecaller.PostAsync($"/api/drivers/{driverId}/erase", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await supervisor.PostAsync($"/api/drivers/{driverId}/erase", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await admin.PostAsync("/api/drivers/DRV-nobody/erase", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var driver = await TestApi.ReadAsync(await admin.GetAsync($"/api/drivers/{driverId}"), HttpStatusCode.OK);
        Assert.That(driver["phone"]!.GetValue<string>(), Is.EqualTo("+919876504888"), "a refused erasure changed nothing");
    }
}
