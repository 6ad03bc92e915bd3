using System.Net;
using System.Net.Http.Json;
using System.Text;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Contract;

/// <summary>
/// One error shape whoever refuses: problem details with <c>errors</c> keyed by the JSON name the client uses, never a
/// JSON path (<c>$.outcome</c>), a C# parameter (<c>r</c>, <c>request</c>) or a C# property (<c>DisplayName</c>).
/// </summary>
public sealed class ErrorShapeTests() : ApiFixture(DatabaseEngine.Sqlite)
{
    private HttpClient admin = null!;
    private HttpClient telecaller = null!;

    [OneTimeSetUp]
    public async Task SignInAsync()
    {
        admin = await Api.AdminAsync();
        (telecaller, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
    }

    [Test]
    public async Task CreateAgent_WithEveryRequiredFieldMissing_NamesEachInCamelCase_FromOneSource()
    {
        var problem = await TestApi.ReadAsync(await admin.PostAsJsonAsync("/api/agents", new { }), HttpStatusCode.BadRequest);

        var keys = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.That(keys, Is.SupersetOf(new[] { "username", "password", "displayName", "phone", "role" }));
        Assert.That(keys, Has.None.Matches("^[A-Z$]").And.None.EqualTo("r").And.None.EqualTo("request"));
        Assert.That(problem["errors"]!["displayName"]![0]!.GetValue<string>(), Does.Contain("'displayName'"), "the message names the field as the key does");
    }

    [Test]
    public async Task AnInvalidEnumInABody_IsOneError_ListingTheAllowedValues()
    {
        var response = await Send(telecaller, HttpMethod.Post, "/api/calls/manual", "{\"driverId\":\"DRV-1\",\"outcome\":\"maybe\"}");
        var problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "outcome" }));
        Assert.That(problem["errors"]!["outcome"]![0]!.GetValue<string>(), Does.Contain("not_reachable").And.Contain("call_back_later"));
    }

    [TestCase("null")]
    [TestCase("[1,2]")]
    [TestCase("\"text\"")]
    [TestCase("")]
    public async Task ABodyThatIsNotAnObject_IsOneErrorKeyedBody(string body)
    {
        var problem = await TestApi.ReadAsync(await Send(admin, HttpMethod.Post, "/api/drivers", body), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "body" }), problem.ToJsonString());
    }

    [Test]
    public async Task MalformedJson_NamesTheFieldWhereItBroke()
    {
        var problem = await TestApi.ReadAsync(await Send(telecaller, HttpMethod.Post, "/api/calls/manual", "{\"driverId\":\"x\",\"outcome\": "), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "outcome" }));
        Assert.That(problem["errors"]!["outcome"]![0]!.GetValue<string>(), Does.Contain("not valid JSON"));
    }

    [TestCase("/api/calls?driver_id=DRV-1", "driverId")]
    [TestCase("/api/calls?Driver-Id=DRV-1", "driverId")]
    [TestCase("/api/calls?agent_id=1", "agentId")]
    [TestCase("/api/follow-ups?agent_id=1", "agentId")]
    [TestCase("/api/calls?include_total=false", "includeTotal")]
    public async Task AKnownQueryParameterInAnotherSpelling_Is400NamingTheRightOne(string url, string key)
    {
        var problem = await TestApi.ReadAsync(await telecaller.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]![key]![0]!.GetValue<string>(), Does.Contain($"'{key}'"));
    }

    [Test]
    public async Task AQueryParameterInAnotherCase_IsStillTheSameParameter() =>
        await TestApi.ReadAsync(await telecaller.GetAsync("/api/calls?DRIVERID=DRV-1&Limit=5"), HttpStatusCode.OK);

    [TestCase("GET", "/api/no-such-thing", HttpStatusCode.NotFound)]
    [TestCase("DELETE", "/api/calls", HttpStatusCode.MethodNotAllowed)]
    public async Task TheServersOwnRefusals_AreProblems(string method, string path, HttpStatusCode status)
    {
        var response = await telecaller.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task ABodyInAnotherMediaType_Is415Problem()
    {
        var response = await telecaller.PostAsync("/api/calls/manual", new StringContent("<call/>", Encoding.UTF8, "application/xml"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string body) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
}
