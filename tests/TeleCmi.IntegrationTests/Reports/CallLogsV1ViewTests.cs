using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.Domain.Calls;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Reports;

/// <summary>
/// The view <c>call_logs_v1</c> (migration CallLogsV1View): the seed's <c>call_logs</c> columns, with the seed's kind of
/// values, over this schema, read-only. Runs on both engines, so a schema change that breaks the view (a renamed or
/// dropped column it reads) fails here.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class CallLogsV1ViewTests(DatabaseEngine engine) : ApiFixture(engine)
{
    /// <summary>The seed's columns (gagantruckmitr/TMemployeeapp, api/setup_call_logs_table.sql) that the view carries, in its order.</summary>
    private static readonly string[] SeedColumns =
    [
        "reference_id", "caller_id", "driver_id", "driver_mobile", "driver_name", "driver_tmid", "call_type", "status",
        "provider", "feedback", "remarks", "call_duration", "created_at", "updated_at",
    ];

    private HttpClient agent = null!;
    private int agentId;
    private string externalId = null!;

    [OneTimeSetUp]
    public async Task CreateAgentWithExternalIdAsync()
    {
        (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        externalId = (3000 + Random.Shared.Next(1000)).ToString(CultureInfo.InvariantCulture);
        var admin = await Api.AdminAsync();
        await TestApi.ReadAsync(await admin.PatchAsJsonAsync($"/api/agents/{agentId}", new { externalId }), HttpStatusCode.OK);
    }

    [Test]
    public async Task View_HasExactlyTheSeedsColumns_InTheSeedsOrder()
    {
        await using var sql = await SqlClient.OpenAsync(Factory.Database);

        var columns = await SqlClient.ColumnsAsync(sql, "SELECT * FROM call_logs_v1 WHERE 1 = 0");

        Assert.That(columns, Is.EqualTo(SeedColumns));
    }

    [Test]
    public async Task TeleCmiCallWithFeedback_IsOneRow_WithTheSeedsNamesAndValues()
    {
        var driverId = await Api.NewDriverAsync("098765 43210", "Ramesh Yadav");
        var call = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var id = call["id"]!.GetValue<string>();
        foreach (var hook in Webhooks.HappyPath(id, call["teleCmiRequestId"]!.GetValue<string>(), "919876543210", talkSeconds: 95, recording: null))
            Assert.That((await Api.PostWebhookAsync(hook)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stored = await TestApi.ReadAsync(await agent.PutAsJsonAsync($"/api/calls/{id}/feedback",
            new { outcome = "not_interested", feedback = "Has a job", remarks = "Call again in March" }), HttpStatusCode.OK);

        await using var sql = await SqlClient.OpenAsync(Factory.Database, mySqlTimeZone: "+00:00");
        var row = (await SqlClient.QueryAsync(sql, $"SELECT * FROM call_logs_v1 WHERE reference_id = '{id}'")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(row["caller_id"]?.ToString(), Is.EqualTo(externalId), "the agent's externalId, the platform's user id");
            Assert.That(row["driver_id"], Is.EqualTo(driverId));
            Assert.That(row["driver_mobile"], Is.EqualTo("919876543210"), "digits with the country code, as the seed stored them");
            Assert.That(row["driver_name"], Is.EqualTo("Ramesh Yadav"));
            Assert.That(row["driver_tmid"], Is.EqualTo("TM1"));
            Assert.That(row["call_type"], Is.EqualTo("ivr"));
            Assert.That(row["status"], Is.EqualTo("completed"));
            Assert.That(row["provider"], Is.EqualTo("telecmi"));
            Assert.That(row["feedback"], Is.EqualTo("not_interested"), "the agent's outcome, as the API spells it");
            Assert.That(row["remarks"], Is.EqualTo("Call again in March"));
            Assert.That(Convert.ToInt32(row["call_duration"], CultureInfo.InvariantCulture), Is.EqualTo(95));
            Assert.That(Time(row["created_at"]), Is.EqualTo(Utc(stored["createdAt"])).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(Time(row["updated_at"]), Is.EqualTo(Utc(stored["updatedAt"])).Within(TimeSpan.FromMilliseconds(1)));
        });
    }

    [Test]
    public async Task ManualCall_IsManual_AndItsAgentWithoutExternalId_HasNoCallerId()
    {
        var (other, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await Api.NewDriverAsync();
        var call = await TestApi.ReadAsync(await other.PostAsJsonAsync("/api/calls/manual",
            new { driverId, outcome = "busy" }), HttpStatusCode.Created);

        await using var sql = await SqlClient.OpenAsync(Factory.Database);
        var row = (await SqlClient.QueryAsync(sql, $"SELECT * FROM call_logs_v1 WHERE reference_id = '{call["id"]}'")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(row["caller_id"], Is.Null, "never our own agent id, which could be another agent's platform id");
            Assert.That(row["call_type"], Is.EqualTo("manual"));
            Assert.That(row["provider"], Is.EqualTo("manual"));
            Assert.That(row["status"], Is.EqualTo("missed"));
            Assert.That(row["feedback"], Is.EqualTo("busy"));
            Assert.That(Convert.ToInt32(row["call_duration"], CultureInfo.InvariantCulture), Is.Zero, "no duration known: 0, the seed's default");
        });
    }

    [Test]
    public async Task EveryStatusAndOutcome_IsSpelledAsTheApiSpellsIt_AndANotPlacedAttemptIsNoRow()
    {
        var driverId = await Api.NewDriverAsync();
        var id = (await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected" }),
            HttpStatusCode.Created))["id"]!.GetValue<string>();
        await using var sql = await SqlClient.OpenAsync(Factory.Database);

        foreach (var status in Enum.GetValues<CallStatus>())
        {
            await SqlClient.ExecuteAsync(sql, $"UPDATE call_logs SET Status = '{status}' WHERE Id = '{id}'");
            var api = (await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{id}"), HttpStatusCode.OK))["status"]!.GetValue<string>();
            var rows = await SqlClient.QueryAsync(sql, $"SELECT status FROM call_logs_v1 WHERE reference_id = '{id}'");
            if (status == CallStatus.NotPlaced)
                Assert.That(rows, Is.Empty, "an attempt TeleCMI never took is no call: not a row, as in the seed");
            else
                Assert.That(rows.Single()["status"], Is.EqualTo(api), $"{status}");
        }

        foreach (var outcome in Enum.GetValues<CallOutcome>())
        {
            await SqlClient.ExecuteAsync(sql, $"UPDATE call_logs SET Status = 'Completed', Outcome = '{outcome}' WHERE Id = '{id}'");
            var api = (await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{id}"), HttpStatusCode.OK))["outcome"]!.GetValue<string>();
            var feedback = (await SqlClient.QueryAsync(sql, $"SELECT feedback FROM call_logs_v1 WHERE reference_id = '{id}'")).Single()["feedback"];
            Assert.That(feedback, Is.EqualTo(api), $"{outcome}");
        }
    }

    [TestCase("UPDATE call_logs_v1 SET remarks = 'changed'")]
    [TestCase("UPDATE call_logs_v1 SET status = 'completed'")]
    [TestCase("DELETE FROM call_logs_v1")]
    [TestCase("INSERT INTO call_logs_v1 (reference_id, status) VALUES ('call_x', 'completed')")]
    public async Task View_IsReadOnly(string statement)
    {
        var driverId = await Api.NewDriverAsync();
        await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected", remarks = "kept" }),
            HttpStatusCode.Created);
        await using var sql = await SqlClient.OpenAsync(Factory.Database);
        var before = await SqlClient.QueryAsync(sql, "SELECT * FROM call_logs_v1 ORDER BY reference_id");

        Assert.That(async () => await SqlClient.ExecuteAsync(sql, statement), Throws.InstanceOf<DbException>());

        var after = await SqlClient.QueryAsync(sql, "SELECT * FROM call_logs_v1 ORDER BY reference_id");
        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public async Task CreatedAt_IsInTheSessionsTimeZone_OnMySql_AndUtcOnSqlite()
    {
        var driverId = await Api.NewDriverAsync();
        var call = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected" }),
            HttpStatusCode.Created);
        var utc = Utc(call["createdAt"]);
        var select = $"SELECT created_at FROM call_logs_v1 WHERE reference_id = '{call["id"]}'";

        await using var inUtc = await SqlClient.OpenAsync(Factory.Database, mySqlTimeZone: "+00:00");
        Assert.That(Time((await SqlClient.QueryAsync(inUtc, select)).Single()["created_at"]), Is.EqualTo(utc).Within(TimeSpan.FromMilliseconds(1)));

        if (Engine != DatabaseEngine.MySql) return; // SQLite has no session time zone: always UTC.
        await using var inIst = await SqlClient.OpenAsync(Factory.Database, mySqlTimeZone: "+05:30");
        Assert.That(Time((await SqlClient.QueryAsync(inIst, select)).Single()["created_at"]),
            Is.EqualTo(utc.AddMinutes(330)).Within(TimeSpan.FromMilliseconds(1)), "as the seed's TIMESTAMP columns read under SET time_zone = '+05:30'");
    }

    /// <summary>A time read from the view: a DATETIME on MySQL, text on SQLite.</summary>
    private static DateTime Time(object? value) => value switch
    {
        DateTime dt => DateTime.SpecifyKind(dt, DateTimeKind.Unspecified),
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None),
        _ => throw new AssertionException($"Not a time: {value}"),
    };

    /// <summary>A time from the API (ISO 8601 with offset) as UTC wall-clock time.</summary>
    private static DateTime Utc(JsonNode? value) =>
        DateTime.SpecifyKind(DateTimeOffset.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime, DateTimeKind.Unspecified);
}
