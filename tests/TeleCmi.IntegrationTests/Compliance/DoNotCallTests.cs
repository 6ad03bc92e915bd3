using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Compatibility;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Compliance;

/// <summary>
/// A driver marked do-not-call (by a supervisor, by the telecaller's outcome <c>do_not_call</c>, or by a bulk import) is
/// never dialled through TeleCMI, shows as such, and has no follow-ups due; lifting the mark is recorded.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class DoNotCallTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private HttpClient telecaller = null!;
    private HttpClient supervisor = null!;
    private int supervisorId;

    [OneTimeSetUp]
    public async Task SignInAsync()
    {
        (telecaller, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (supervisor, supervisorId) = await Api.NewAgentAsync("supervisor", teleCmi: false);
    }

    [Test]
    public async Task TelecallersOutcome_DoNotCall_MarksTheDriver_ThenADialIsRefused_WithZeroRequestsToTeleCmi()
    {
        var driver = await Api.NewDriverAsync("9876522001");
        var call = await TestApi.ReadAsync(await telecaller.PostAsJsonAsync("/api/calls", new { driverId = driver }), HttpStatusCode.Created);
        await TestApi.ReadAsync(await telecaller.PutAsJsonAsync($"/api/calls/{call["id"]}/feedback", new { outcome = "do_not_call" }), HttpStatusCode.OK);
        var shown = await TestApi.ReadAsync(await telecaller.GetAsync($"/api/drivers/{driver}"), HttpStatusCode.OK);
        Factory.Gateway.Requests.Clear();
        var callsBefore = await CallRowsAsync(driver);

        var refused = await TestApi.ReadAsync(await telecaller.PostAsJsonAsync("/api/calls", new { driverId = driver }), HttpStatusCode.UnprocessableEntity);

        Assert.Multiple(async () =>
        {
            Assert.That(shown["doNotCall"]?["source"]?.GetValue<string>(), Is.EqualTo("driver_request"), shown.ToJsonString());
            Assert.That(shown["doNotCall"]!["reason"]!.GetValue<string>(), Does.Contain("asked not to be called"));
            Assert.That(refused["errors"]?["driverId"]?[0]?.GetValue<string>(), Does.Contain("do-not-call").And.Contain("asked not to be called"), refused.ToJsonString());
            Assert.That(Factory.Gateway.Requests, Is.Empty, "0 requests to TeleCMI");
            Assert.That(await CallRowsAsync(driver), Is.EqualTo(callsBefore), "nothing stored");
            Assert.That(await RecordsAsync(driver), Is.EqualTo(new[] { (Source: "DriverRequest", Lifted: false) }));
        });
    }

    [Test]
    public async Task TheSeedsView_NamesTheOutcomeInTheSeedsWords()
    {
        var driver = await Api.NewDriverAsync("9876522009");
        var call = await TestApi.ReadAsync(await telecaller.PostAsJsonAsync("/api/calls/manual", new { driverId = driver, outcome = "do_not_call" }), HttpStatusCode.Created);

        await using var connection = await SqlClient.OpenAsync(Factory.Database);
        var rows = await SqlClient.QueryAsync(connection, $"SELECT feedback FROM call_logs_v1 WHERE reference_id = '{call["id"]!.GetValue<string>()}'");

        Assert.Multiple(async () =>
        {
            Assert.That(rows.Single()["feedback"], Is.EqualTo("do_not_call"));
            Assert.That(await SourceOfAsync(driver), Is.EqualTo("driver_request"), "a manual call's outcome marks the driver too");
        });
    }

    [Test]
    public async Task ADoNotCallDriver_ThroughTheSeedRoute_IsRefused_WithZeroRequestsToTeleCmi()
    {
        var driver = await Api.NewDriverAsync("9876522002");
        await MarkAsync(driver, "dnd_registry");
        var (client, callerId, _, _) = await new SeedClient(Api).NewCallerAsync();

        var envelope = await SeedClient.FailureAsync(await SeedClient.ClickToCallAsync(client, callerId, driver, "919876522002"), HttpStatusCode.UnprocessableEntity);

        Assert.Multiple(() =>
        {
            Assert.That(envelope["error"]!.GetValue<string>(), Does.Contain("do-not-call"));
            Assert.That(Factory.Gateway.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Supervisor_SetsAndLiftsTheMark_TheLiftIsRecorded_AndTheDriverCanBeDialledAgain()
    {
        var driver = await Api.NewDriverAsync("9876522003");

        var marked = await TestApi.ReadAsync(await supervisor.PostAsJsonAsync($"/api/drivers/{driver}/do-not-call",
            new { reason = "Number is on the NCPR list", source = "dnd_registry" }), HttpStatusCode.OK);
        var again = await TestApi.ReadAsync(await supervisor.PostAsJsonAsync($"/api/drivers/{driver}/do-not-call",
            new { reason = "Second reason", source = "other" }), HttpStatusCode.OK);
        var lifted = await TestApi.ReadAsync(await supervisor.DeleteAsync($"/api/drivers/{driver}/do-not-call"), HttpStatusCode.OK);
        await TestApi.ReadAsync(await telecaller.PostAsJsonAsync("/api/calls", new { driverId = driver }), HttpStatusCode.Created);

        using var scope = Factory.Services.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DoNotCallRecords.AsNoTracking().SingleAsync(r => r.DriverId == driver);
        Assert.Multiple(() =>
        {
            Assert.That(marked["doNotCall"]!["reason"]!.GetValue<string>(), Is.EqualTo("Number is on the NCPR list"));
            Assert.That(marked["doNotCall"]!["source"]!.GetValue<string>(), Is.EqualTo("dnd_registry"));
            Assert.That(marked["doNotCall"]!["since"], Is.Not.Null);
            Assert.That(again["doNotCall"]!["reason"]!.GetValue<string>(), Is.EqualTo("Number is on the NCPR list"), "the first mark stands");
            Assert.That(lifted["doNotCall"], Is.Null);
            Assert.That(record.SetByAgentId, Is.EqualTo(supervisorId));
            Assert.That(record.LiftedByAgentId, Is.EqualTo(supervisorId));
            Assert.That(record.LiftedAt, Is.Not.Null);
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1), "dialled once lifted");
        });
    }

    [Test]
    public async Task MarkAndLift_AreAppendedToTheAuditTrail_WithWhoAndBeforeAfter_AndAnImportIsOneEntryForAllItsDrivers()
    {
        var driver = await Api.NewDriverAsync("9876522011");
        var admin = await Api.AdminAsync();
        await TestApi.ReadAsync(await supervisor.PostAsJsonAsync($"/api/drivers/{driver}/do-not-call",
            new { reason = "Asked on the phone", source = "driver_request" }), HttpStatusCode.OK);
        await TestApi.ReadAsync(await supervisor.DeleteAsync($"/api/drivers/{driver}/do-not-call"), HttpStatusCode.OK);
        using var csv = new StringContent("phone\n+919876522011\n", Encoding.UTF8, "text/csv");
        await TestApi.ReadAsync(await supervisor.PostAsync("/api/drivers/do-not-call/import", csv), HttpStatusCode.OK);

        var entries = (await TestApi.ReadAsync(await admin.GetAsync($"/api/audit?entity=driver&entityId={driver}"), HttpStatusCode.OK))["items"]!.AsArray();
        var imports = (await TestApi.ReadAsync(await admin.GetAsync("/api/audit?entity=driver&entityId=import"), HttpStatusCode.OK))["items"]!.AsArray();

        static string? Change(JsonNode entry, string field, string side) =>
            entry["changes"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == field)![side]?.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "do_not_call_lifted", "do_not_call" }), "newest first");
            Assert.That(entries.Select(e => e!["actorAgentId"]!.GetValue<int>()), Is.All.EqualTo(supervisorId));
            Assert.That(Change(entries[1]!, "doNotCallReason", "after"), Is.EqualTo("Asked on the phone"));
            Assert.That(Change(entries[1]!, "doNotCallSource", "after"), Is.EqualTo("driver_request"));
            Assert.That(Change(entries[0]!, "doNotCallReason", "before"), Is.EqualTo("Asked on the phone"), "the lift keeps what it lifted");
            Assert.That(Change(entries[0]!, "doNotCall", "after"), Is.EqualTo("false"));
            Assert.That(imports, Is.Not.Empty, "other tests of the fixture import too: the newest entry is this one");
            Assert.That(imports[0]!["actorAgentId"]!.GetValue<int>(), Is.EqualTo(supervisorId));
            Assert.That(imports[0]!["action"]!.GetValue<string>(), Is.EqualTo("do_not_call_import"));
            Assert.That(Change(imports[0]!, "marked", "after"), Is.EqualTo("1"));
        });
    }

    [Test]
    public async Task Telecaller_MayNeitherSetNorLiftNorImport()
    {
        var driver = await Api.NewDriverAsync("9876522004");
        await MarkAsync(driver, "wrong_number");

        await TestApi.ReadAsync(await telecaller.PostAsJsonAsync($"/api/drivers/{driver}/do-not-call", new { reason = "x", source = "other" }), HttpStatusCode.Forbidden);
        await TestApi.ReadAsync(await telecaller.DeleteAsync($"/api/drivers/{driver}/do-not-call"), HttpStatusCode.Forbidden);
        await TestApi.ReadAsync(await telecaller.PostAsync("/api/drivers/do-not-call/import", Csv("9876522004\n")), HttpStatusCode.Forbidden);

        var shown = await TestApi.ReadAsync(await telecaller.GetAsync($"/api/drivers/{driver}"), HttpStatusCode.OK);
        Assert.That(shown["doNotCall"]!["source"]!.GetValue<string>(), Is.EqualTo("wrong_number"), "still marked");
    }

    [Test]
    public async Task Mark_WithoutReasonOrSource_Is400NamingThem_UnknownDriverIs404()
    {
        var driver = await Api.NewDriverAsync("9876522005");

        var problem = await TestApi.ReadAsync(await supervisor.PostAsJsonAsync($"/api/drivers/{driver}/do-not-call", new { }), HttpStatusCode.BadRequest);
        await TestApi.ReadAsync(await supervisor.PostAsJsonAsync("/api/drivers/NOPE-404/do-not-call", new { reason = "x", source = "other" }), HttpStatusCode.NotFound);
        await TestApi.ReadAsync(await supervisor.DeleteAsync("/api/drivers/NOPE-404/do-not-call"), HttpStatusCode.NotFound);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "reason", "source" }));
    }

    [Test]
    public async Task FollowUps_LeaveOutDoNotCallDrivers()
    {
        var driver = await Api.NewDriverAsync("9876522006");
        var followUpAt = DateTimeOffset.UtcNow.AddDays(2);
        var call = await TestApi.ReadAsync(await telecaller.PostAsJsonAsync("/api/calls/manual",
            new { driverId = driver, outcome = "call_back_later", followUpAt }), HttpStatusCode.Created);
        var callId = call["id"]!.GetValue<string>();
        var before = await FollowUpCallIdsAsync();

        await MarkAsync(driver, "driver_request");
        var after = await FollowUpCallIdsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(before, Does.Contain(callId));
            Assert.That(after, Does.Not.Contain(callId));
        });
    }

    [Test]
    public async Task SearchAndList_ShowTheMark()
    {
        var driver = await Api.NewDriverAsync("9876522007", "Dnc Searchable");
        var other = await Api.NewDriverAsync("9876522008", "Dnc Searchable");
        await MarkAsync(driver, "driver_request");

        var page = await TestApi.ReadAsync(await telecaller.GetAsync("/api/drivers?search=Dnc%20Searchable&limit=200"), HttpStatusCode.OK);

        var items = page["items"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!["doNotCall"]);
        Assert.Multiple(() =>
        {
            Assert.That(items[driver]?["source"]?.GetValue<string>(), Is.EqualTo("driver_request"));
            Assert.That(items[other], Is.Null);
        });
    }

    [Test]
    public async Task Import_MarksTheMatchingDrivers_AndCountsTheRest()
    {
        var a = await Api.NewDriverAsync("9876533001");
        var b = await Api.NewDriverAsync("9876533002");
        var marked = await Api.NewDriverAsync("9876533003");
        await MarkAsync(marked, "wrong_number");
        var untouched = await Api.NewDriverAsync("9876533004");
        var csv = "name,phone\r\nA,+919876533001\r\nB,98765 33002\r\nC,9876533003\r\nNobody,9876533999\r\nBad,12345\r\nA again,09876533001\r\n";

        var result = await TestApi.ReadAsync(await supervisor.PostAsync("/api/drivers/do-not-call/import?source=dnd_registry", Csv(csv)), HttpStatusCode.OK);

        Assert.Multiple(async () =>
        {
            Assert.That(result["numbers"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(result["marked"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(result["alreadyMarked"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(result["unmatched"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(result["duplicates"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(result["invalid"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(result["invalidLines"]!.AsArray().Select(l => l!.GetValue<int>()), Is.EqualTo(new[] { 6 }));
            Assert.That(await SourceOfAsync(a), Is.EqualTo("dnd_registry"));
            Assert.That(await SourceOfAsync(b), Is.EqualTo("dnd_registry"));
            Assert.That(await SourceOfAsync(marked), Is.EqualTo("wrong_number"), "an earlier mark stands");
            Assert.That(await SourceOfAsync(untouched), Is.Null);
            Assert.That(await RecordsAsync(a), Is.EqualTo(new[] { (Source: "DndRegistry", Lifted: false) }));
        });
    }

    [Test]
    public async Task Import_OfOneNumberPerLine_WithoutHeader_Works_AndAnEmptyFileIs400()
    {
        var driver = await Api.NewDriverAsync("9876533011");

        var result = await TestApi.ReadAsync(await supervisor.PostAsync("/api/drivers/do-not-call/import", Csv("9876533011\n\n9876533012\n")), HttpStatusCode.OK);
        var empty = await TestApi.ReadAsync(await supervisor.PostAsync("/api/drivers/do-not-call/import", Csv("\n")), HttpStatusCode.BadRequest);
        var json = await supervisor.PostAsJsonAsync("/api/drivers/do-not-call/import", new[] { "9876533011" });

        Assert.Multiple(async () =>
        {
            Assert.That((result["numbers"]!.GetValue<int>(), result["marked"]!.GetValue<int>(), result["unmatched"]!.GetValue<int>()), Is.EqualTo((2, 1, 1)));
            Assert.That(await SourceOfAsync(driver), Is.EqualTo("dnd_registry"), "the default source");
            Assert.That(empty["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "body" }));
            Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        });
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task MarkAsync(string driver, string source) =>
        await TestApi.ReadAsync(await supervisor.PostAsJsonAsync($"/api/drivers/{driver}/do-not-call", new { reason = "Test mark", source }), HttpStatusCode.OK);

    private async Task<string?> SourceOfAsync(string driver)
    {
        var shown = await TestApi.ReadAsync(await supervisor.GetAsync($"/api/drivers/{driver}"), HttpStatusCode.OK);
        return shown["doNotCall"]?["source"]?.GetValue<string>();
    }

    private async Task<List<string>> FollowUpCallIdsAsync()
    {
        var page = await TestApi.ReadAsync(await telecaller.GetAsync("/api/follow-ups?due=all&limit=200"), HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(i => i!["callId"]!.GetValue<string>()).ToList();
    }

    private async Task<int> CallRowsAsync(string driver)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CallLogs.CountAsync(c => c.DriverId == driver);
    }

    private async Task<(string Source, bool Lifted)[]> RecordsAsync(string driver)
    {
        using var scope = Factory.Services.CreateScope();
        var records = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DoNotCallRecords.AsNoTracking()
            .Where(r => r.DriverId == driver).ToListAsync();
        return records.Select(r => (r.Source.ToString(), r.LiftedAt != null)).ToArray();
    }
}
