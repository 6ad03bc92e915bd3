using System.Net;
using System.Net.Http.Json;
using System.Text;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Security;

/// <summary>
/// A hostile-input corpus against every endpoint that takes a body: each gets a 4xx problem, and a
/// before/after snapshot of every table shows no row changed. (Call endpoints have more cases in
/// Calls/ValidationTests; 10 MB bodies are in RequestBodyLimitTests.)
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class HostileInputCorpusTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private const string Nul = "\\u0000";
    private HttpClient admin = null!;
    private int agentId;
    private string callId = null!;
    private string driverId = null!;

    [OneTimeSetUp]
    public async Task PrepareAsync()
    {
        admin = await Api.AdminAsync();
        HttpClient agent;
        (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        driverId = await Api.NewDriverAsync();
        var call = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected" }), HttpStatusCode.Created);
        callId = call["id"]!.GetValue<string>();
    }

    private static IEnumerable<TestCaseData> Corpus()
    {
        var endpoints = new (string Method, string Path, string Valid)[]
        {
            ("POST", "/api/auth/token", "{\"username\":\"u\",\"password\":\"p\"}"),
            ("POST", "/api/calls", "{\"driverId\":\"{driver}\"}"),
            ("POST", "/api/calls/manual", "{\"driverId\":\"{driver}\",\"outcome\":\"busy\"}"),
            ("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"busy\"}"),
            ("POST", "/api/agents", "{\"username\":\"hostile1\",\"password\":\"secret-pass-1\",\"displayName\":\"H\",\"phone\":\"9876543210\",\"role\":\"telecaller\"}"),
            ("PATCH", "/api/agents/{agent}", "{\"displayName\":\"H\"}"),
            ("POST", "/api/drivers", "{\"id\":\"HOSTILE-1\",\"name\":\"H\",\"phone\":\"9876543210\",\"kind\":\"driver\"}"),
            ("POST", "/api/webhooks/telecmi?token=" + TeleCmiApiFactory.WebhookToken, "{\"type\":\"event\"}"),
        };
        foreach (var (method, path, _) in endpoints)
        {
            yield return Case(method, path, "{\"unterminated\": ", "malformed JSON");
            yield return Case(method, path, "not json at all", "plain text");
            yield return Case(method, path, "[1,2,3]", "array instead of object");
            yield return Case(method, path, "\"just a string\"", "string instead of object");
        }
        yield return Case("POST", "/api/auth/token", "{\"username\":{\"$gt\":\"\"},\"password\":\"p\"}", "object where a string belongs");
        yield return Case("POST", "/api/auth/token", "{\"username\":\"admin' OR '1'='1\",\"password\":\"' OR 1=1 --\"}", "SQL-looking credentials");
        yield return Case("POST", "/api/calls", "{\"driverId\":\"{driver}\",\"phone\":\"123456789012345678901234567890\"}", "30-digit phone");
        yield return Case("POST", "/api/calls/manual", "{\"driverId\":\"{driver}\",\"outcome\":\"busy\",\"durationSeconds\":1e30}", "huge number");
        yield return Case("POST", "/api/calls/manual", "{\"driverId\":\"{driver}\",\"outcome\":\"busy\",\"remarks\":\"a" + Nul + "b\"}", "NUL in remarks");
        yield return Case("PUT", "/api/calls/{call}/feedback", "{\"outcome\":42}", "number for an enum");
        yield return Case("POST", "/api/agents", "{\"username\":\"hostile2\",\"password\":\"secret-pass-1\",\"displayName\":\"H\",\"phone\":\"9876543210\",\"role\":\"superuser\"}", "unknown role");
        yield return Case("POST", "/api/agents", "{\"username\":\"hostile3\",\"password\":\"secret-pass-1\",\"displayName\":\"H" + Nul + "\",\"phone\":\"9876543210\",\"role\":\"telecaller\"}", "NUL in a name");
        yield return Case("POST", "/api/agents", "{\"username\":\"x'; DROP TABLE agents;--\",\"password\":\"secret-pass-1\",\"displayName\":\"H\",\"phone\":\"9876543210\",\"role\":\"telecaller\"}", "SQL in a username");
        yield return Case("POST", "/api/agents", "{\"username\":\"hostile4\",\"password\":\"secret-pass-1\",\"displayName\":\"H\",\"phone\":\"+1 (555) 123-456789012345678901\",\"role\":\"telecaller\"}", "overlong phone");
        yield return Case("PATCH", "/api/agents/{agent}", "{\"role\":\"root\"}", "unknown role on patch");
        yield return Case("PATCH", "/api/agents/{agent}", "{\"phone\":\"abc\"}", "letters for a phone");
        yield return Case("PATCH", "/api/agents/{agent}", "{\"teleCmiUserId\":\"../../etc/passwd\"}", "path in a TeleCMI user id");
        yield return Case("POST", "/api/drivers", "{\"id\":\"" + new string('x', 51) + "\",\"name\":\"H\",\"phone\":\"9876543210\"}", "overlong id");
        yield return Case("POST", "/api/drivers", "{\"id\":\"HOSTILE-2\",\"name\":\"H\",\"phone\":\"9876543210\",\"kind\":\"spaceship\"}", "unknown kind");
        yield return Case("POST", "/api/drivers", "{\"id\":\"HOSTILE-3\",\"name\":\"H\",\"phone\":-9876543210}", "negative number for a phone");
        yield return Case("GET", "/api/calls?limit=99999999999", null, "huge limit");
        yield return Case("GET", "/api/drivers?limit=-1", null, "negative limit");
        yield return Case("GET", "/api/drivers?search=" + new string('x', 101), null, "overlong search");
    }

    private static TestCaseData Case(string method, string path, string? body, string what) =>
        new TestCaseData(method, path, body).SetName($"{method} {path.Split('?')[0]}: {what}");

    [TestCaseSource(nameof(Corpus))]
    public async Task HostileInput_Is4xxProblem_AndChangesNothing(string method, string path, string? body)
    {
        var before = await DatabaseSnapshot.TakeAsync(Factory);
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{call}", callId).Replace("{agent}", agentId.ToString()));
        if (body is not null) request.Content = new StringContent(body.Replace("{driver}", driverId), Encoding.UTF8, "application/json");

        var response = await admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.InRange(400, 499), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        Assert.That(text, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace or exception names");
        Assert.That(await DatabaseSnapshot.TakeAsync(Factory), Is.EqualTo(before));
        Assert.That(Factory.Gateway.Requests, Is.Empty);
    }
}
