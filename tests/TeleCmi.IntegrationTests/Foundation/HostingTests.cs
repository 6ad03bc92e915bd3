using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Foundation;

/// <summary>Health, Swagger and error conventions of the running service.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class HostingTests(DatabaseEngine engine) : ApiFixture(engine)
{
    /// <summary>The test host is not Development: Swagger is served only because it is switched on.</summary>
    protected override void ConfigureService(IWebHostBuilder builder) => builder.UseSetting("Swagger:Enabled", "true");

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    [TestCase("/swagger/index.html")]
    [TestCase("/swagger/v1/swagger.json")]
    public async Task PublicEndpoints_Answer200(string path)
    {
        var response = await Api.Anonymous().GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_ReportsTheDatabaseCheckAsJson()
    {
        var body = await TestApi.ReadAsync(await Api.Anonymous().GetAsync("/health/ready"), HttpStatusCode.OK);

        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("healthy"));
        Assert.That(body["checks"]!["database"]!["status"]!.GetValue<string>(), Is.EqualTo("healthy"));
    }

    [Test]
    public async Task OpenApiDocument_HasBearerSchemeAndTheMainOperations()
    {
        var doc = JsonNode.Parse(await Api.Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;

        Assert.That(doc["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Is.SupersetOf(new[] { "/api/calls", "/api/calls/{id}/feedback", "/api/webhooks/telecmi", "/api/auth/token" }));
        Assert.That(doc["paths"]!["/api/calls"]!["post"]!["summary"]!.GetValue<string>(), Does.Contain("TeleCMI"), "XML doc comments are included");
        Assert.That(doc.ToJsonString(), Does.Not.Contain("passwordHash").And.Not.Contain("\"version\":{"), "no internal fields");
    }

    [Test]
    public async Task UnknownRoute_Is404Problem()
    {
        var response = await Api.Anonymous().GetAsync("/api/nothing-here");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
