using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Drivers;

/// <summary>POST /api/drivers/import: many of the platform's drivers at once, as JSON or CSV, with a result per row.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class DriverImportTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => admin = await Api.AdminAsync();

    private static string Prefix() => "IMP-" + Guid.NewGuid().ToString("N")[..8] + "-";

    private Task<HttpResponseMessage> PostCsvAsync(string csv, HttpClient? client = null) =>
        (client ?? admin).PostAsync("/api/drivers/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static JsonObject RowResult(JsonObject result, int index) => result["rows"]![index]!.AsObject();

    [Test]
    public async Task AJsonArray_OfValidAndInvalidRows_AppliesTheValidOnes_AndReportsEachRow()
    {
        var p = Prefix();
        var existingUnchanged = await Api.NewDriverAsync();
        var existingChanged = await Api.NewDriverAsync();
        var rows = new JsonArray
        {
            new JsonObject { ["id"] = p + "1", ["name"] = "New One", ["phone"] = "9876500001", ["kind"] = "transporter" },
            new JsonObject { ["id"] = existingUnchanged, ["name"] = "Ramesh Yadav", ["phone"] = "+919876543210", ["tmId"] = "TM1", ["kind"] = "driver" },
            new JsonObject { ["id"] = existingChanged, ["name"] = "Changed Name", ["phone"] = "9876543210", ["tmId"] = "TM1" },
            new JsonObject { ["id"] = p + "4", ["name"] = "", ["phone"] = "12345" },
            new JsonObject { ["id"] = p + "5", ["name"] = "Bad Kind", ["phone"] = "9876500005", ["kind"] = "truck" },
            null,
            new JsonObject { ["id"] = p + "1", ["name"] = "Duplicate", ["phone"] = "9876500007" },
            new JsonObject { ["name"] = "No Id", ["phone"] = "9876500008" },
        };

        var result = await TestApi.ReadAsync(await admin.PostAsJsonAsync("/api/drivers/import", rows), HttpStatusCode.OK);

        Assert.That((result["created"]!.GetValue<int>(), result["updated"]!.GetValue<int>(), result["unchanged"]!.GetValue<int>(), result["rejected"]!.GetValue<int>()),
            Is.EqualTo((1, 1, 1, 5)), result.ToJsonString());
        Assert.That(result["rows"]!.AsArray().Select(r => r!["result"]!.GetValue<string>()),
            Is.EqualTo(new[] { "created", "unchanged", "updated", "rejected", "rejected", "rejected", "rejected", "rejected" }));
        Assert.That(result["rows"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()), Is.EqualTo(Enumerable.Range(0, 8)), "JSON rows are numbered by index");
        Assert.That(RowResult(result, 0)["errors"]!.AsObject(), Is.Empty);
        Assert.That(RowResult(result, 3)["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "name", "phone" }));
        Assert.That(RowResult(result, 4)["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "kind" }));
        Assert.That(RowResult(result, 5)["errors"]!["row"], Is.Not.Null);
        Assert.That(RowResult(result, 6)["errors"]!["id"]![0]!.GetValue<string>(), Does.Contain("Row 0"));
        Assert.That(RowResult(result, 7)["errors"]!["id"], Is.Not.Null);
        Assert.That(RowResult(result, 7)["id"], Is.Null);

        var created = await TestApi.ReadAsync(await admin.GetAsync($"/api/drivers/{p}1"), HttpStatusCode.OK);
        Assert.That((created["name"]!.GetValue<string>(), created["phone"]!.GetValue<string>(), created["kind"]!.GetValue<string>()),
            Is.EqualTo(("New One", "+919876500001", "transporter")), "the first row of a duplicated id is the one applied");
        var changed = await TestApi.ReadAsync(await admin.GetAsync($"/api/drivers/{existingChanged}"), HttpStatusCode.OK);
        Assert.That(changed["name"]!.GetValue<string>(), Is.EqualTo("Changed Name"));
        Assert.That((await admin.GetAsync($"/api/drivers/{p}5")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ACsvFile_WithBom_Crlf_QuotedFields_AndColumnsInAnyOrderAndCase_IsRead()
    {
        var p = Prefix();
        var csv = "\uFEFFPhone,ID,Name,kind,TMID\r\n"
                  + $"9876500011,{p}1,\"Patil Transport, Pune\",transporter,TM11\r\n"
                  + $"9876500012,{p}2,\"Said \"\"Hello\"\"\nover two lines\",,\r\n"
                  + "\r\n"
                  + $"123,{p}3,Bad Phone,driver,\r\n"
                  + $"9876500014,{p}4,Too Many,driver,TM14,extra\r\n"
                  + $"9876500015,{p}5,Last Line No Newline,Driver,";

        var result = await TestApi.ReadAsync(await PostCsvAsync(csv), HttpStatusCode.OK);

        Assert.That(result["rows"]!.AsArray().Select(r => (r!["row"]!.GetValue<int>(), r["result"]!.GetValue<string>())), Is.EqualTo(new[]
        {
            (2, "created"), (3, "created"), (6, "rejected"), (7, "rejected"), (8, "created"),
        }), "rows are numbered by the CSV line they start on, the header being line 1");
        Assert.That(RowResult(result, 2)["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "phone" }));
        Assert.That(RowResult(result, 3)["errors"]!["row"]![0]!.GetValue<string>(), Does.Contain("6 fields"));
        var quoted = await TestApi.ReadAsync(await admin.GetAsync($"/api/drivers/{p}1"), HttpStatusCode.OK);
        Assert.That((quoted["name"]!.GetValue<string>(), quoted["kind"]!.GetValue<string>(), quoted["tmId"]!.GetValue<string>()),
            Is.EqualTo(("Patil Transport, Pune", "transporter", "TM11")));
        var multiline = await TestApi.ReadAsync(await admin.GetAsync($"/api/drivers/{p}2"), HttpStatusCode.OK);
        Assert.That(multiline["name"]!.GetValue<string>(), Is.EqualTo("Said \"Hello\"\nover two lines"));
        Assert.That(multiline["tmId"], Is.Null);
    }

    [TestCase("id,name,phone,mobile\nX,Y,9876543210,1\n", "mobile")]
    [TestCase("id,name\nX,Y\n", "phone")]
    [TestCase("id,name,phone,name\nX,Y,9876543210,Z\n", "twice")]
    [TestCase("id,name,phone\nX,\"unclosed,9876543210\n", "not closed")]
    [TestCase("id,name,phone\r\n", "no rows")]
    public async Task ACsvFileThatCannotBeRead_Is400_KeyedBody(string csv, string message)
    {
        var problem = await TestApi.ReadAsync(await PostCsvAsync(csv), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "body" }), problem.ToJsonString());
        Assert.That(problem["errors"]!["body"]![0]!.GetValue<string>(), Does.Contain(message));
    }

    [TestCase("[]", "no rows")]
    [TestCase("{\"id\":\"X\"}", "JSON array")]
    public async Task AJsonBodyWithoutRows_Is400_KeyedBody(string json, string message)
    {
        var response = await admin.PostAsync("/api/drivers/import", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!["body"]![0]!.GetValue<string>(), Does.Contain(message), problem.ToJsonString());
    }

    [Test]
    public async Task AFieldOfTheWrongJsonType_Is400_KeyedByItsRowAndName()
    {
        var response = await admin.PostAsync("/api/drivers/import",
            new StringContent("[{\"id\":\"A\",\"name\":\"B\",\"phone\":\"9876543210\"},{\"id\":\"C\",\"name\":7,\"phone\":\"9876543210\"}]", Encoding.UTF8, "application/json"));
        var problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "[1].name" }), problem.ToJsonString());
    }

    [Test]
    public async Task MoreThan10000Rows_Is413_StatingTheLimit_AndNothingIsStored()
    {
        var p = Prefix();
        var csv = new StringBuilder("id,name,phone\n");
        for (var i = 0; i < 10_001; i++) csv.Append(p).Append(i).Append(",N,9876543210\n");

        var response = await PostCsvAsync(csv.ToString());
        var problem = await TestApi.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);

        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("10,000"));
        Assert.That((await admin.GetAsync($"/api/drivers/{p}0")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ABodyOverTheImportLimit_Is413()
    {
        var csv = "id,name,phone\n" + string.Concat(Enumerable.Repeat("X,\"" + new string('n', 1000) + "\",9876543210\n", 9_000));

        var response = await PostCsvAsync(csv);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task AnotherMediaType_Is415()
    {
        var response = await admin.PostAsync("/api/drivers/import", new StringContent("id,name,phone", Encoding.UTF8, "text/plain"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [TestCase("telecaller")]
    [TestCase("supervisor")]
    public async Task NonAdmins_Get403_AndNothingIsStored(string role)
    {
        var (client, _) = await Api.NewAgentAsync(role, teleCmi: false);
        var p = Prefix();

        var response = await PostCsvAsync($"id,name,phone\n{p}1,A,9876543210\n", client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await admin.GetAsync($"/api/drivers/{p}1")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task WithoutAToken_Is401()
    {
        var response = await Api.Anonymous().PostAsync("/api/drivers/import", new StringContent("id,name,phone\nA,B,9876543210\n", Encoding.UTF8, "text/csv"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TenThousandRows_AsJson_ThenTheSameAsCsv_AreCreatedThenUnchanged_ThenChangedOnesUpdated()
    {
        var p = Prefix();
        var items = Enumerable.Range(0, 10_000).Select(i => new
        {
            id = $"{p}{i:D5}", name = $"Driver {i}", phone = $"+9198{i:D8}", tmId = i % 3 == 0 ? $"TM{i}" : null, kind = i % 10 == 0 ? "transporter" : "driver",
        }).ToList();

        var first = await TestApi.ReadAsync(await admin.PostAsJsonAsync("/api/drivers/import", items), HttpStatusCode.OK);
        var csv = new StringBuilder("id,name,phone,tmId,kind\r\n");
        foreach (var d in items) csv.Append($"{d.id},{d.name},{d.phone},{d.tmId},{d.kind}\r\n");
        var second = await TestApi.ReadAsync(await PostCsvAsync(csv.ToString()), HttpStatusCode.OK);
        var changed = items.Select((d, i) => i % 4 == 0 ? d with { name = d.name + " (moved)" } : d).ToList();
        var third = await TestApi.ReadAsync(await admin.PostAsJsonAsync("/api/drivers/import", changed), HttpStatusCode.OK);

        Assert.That(Counts(first), Is.EqualTo((10_000, 0, 0, 0)));
        Assert.That(Counts(second), Is.EqualTo((0, 0, 10_000, 0)));
        Assert.That(Counts(third), Is.EqualTo((0, 2_500, 7_500, 0)));
        Assert.That(first["rows"]!.AsArray(), Has.Count.EqualTo(10_000));
        var search = await TestApi.ReadAsync(await admin.GetAsync($"/api/drivers?search={p}09996"), HttpStatusCode.OK);
        Assert.That(search["items"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("Driver 9996 (moved)"));
    }

    private static (int, int, int, int) Counts(JsonObject r) =>
        (r["created"]!.GetValue<int>(), r["updated"]!.GetValue<int>(), r["unchanged"]!.GetValue<int>(), r["rejected"]!.GetValue<int>());
}
