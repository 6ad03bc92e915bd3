using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Security;

/// <summary>The headers every response carries, whoever wrote it: a controller, the problem-details handler, routing, a health check.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class SecurityHeadersTests(DatabaseEngine engine) : ApiFixture(engine)
{
    protected override void ConfigureService(IWebHostBuilder builder) => builder.UseSetting("Swagger:Enabled", "true");

    [Test]
    public async Task ASignedInCallersJson_IsNotStored_AndCarriesTheHeaders()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);

        var response = await agent.GetAsync("/api/calls");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        AssertSecurityHeaders(response);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "Cache-Control: no-store");
    }

    [Test]
    public async Task A401Problem_CarriesTheHeaders()
    {
        var response = await Api.Anonymous().GetAsync("/api/calls");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        AssertSecurityHeaders(response);
    }

    [Test]
    public async Task AValidationProblemOfASignedInCaller_IsNotStored()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);

        var response = await agent.PostAsJsonAsync("/api/calls/manual", new { driverId = "", outcome = "busy" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        AssertSecurityHeaders(response);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task A404_CarriesTheHeaders()
    {
        var response = await Api.Anonymous().GetAsync("/api/nothing-here");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        AssertSecurityHeaders(response);
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task AHealthResponse_CarriesTheHeaders(string path)
    {
        var response = await Api.Anonymous().GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertSecurityHeaders(response);
    }

    [Test]
    public async Task TheApisPolicy_AllowsNothing_ButSwaggerUi_MayRunItsScripts()
    {
        var api = await Api.Anonymous().GetAsync("/health/live");
        var swagger = await Api.Anonymous().GetAsync("/swagger/index.html");

        Assert.That(swagger.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertSecurityHeaders(swagger);
        Assert.Multiple(() =>
        {
            Assert.That(Csp(api), Does.Contain("default-src 'none'"));
            Assert.That(Csp(swagger), Does.Not.Contain("default-src"), "Swagger UI's own scripts and styles");
        });
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response) => Assert.Multiple(() =>
    {
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        Assert.That(Csp(response), Does.Contain("frame-ancestors 'none'"));
    });

    private static string Csp(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(",", values) : "";
}
