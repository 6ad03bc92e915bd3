using System.Net;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard's files served at / beside the API: its own page policy (only the service's scripts, styles and data,
/// recordings from blob: URLs), while the API's answers keep theirs and unknown API paths stay 404 problems.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class DashboardFilesTests(DatabaseEngine engine) : ApiFixture(engine)
{
    [Test]
    public async Task TheRoot_ServesThePage_UnderThePagePolicy()
    {
        var response = await Api.Anonymous().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("<script type=\"module\" src=\"js/main.js\">"));
            Assert.That(Csp(response), Does.Contain("script-src 'self'").And.Contain("connect-src 'self'").And.Contain("media-src 'self' blob:"));
            Assert.That(Csp(response), Does.Contain("frame-ancestors 'none'").And.Not.Contain("unsafe-inline"));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        });
    }

    [TestCase("/js/main.js", "text/javascript")]
    [TestCase("/js/sse.js", "text/javascript")]
    [TestCase("/app.css", "text/css")]
    public async Task TheClientsModulesAndStyles_AreServed(string path, string mediaType)
    {
        var response = await Api.Anonymous().GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        Assert.That(response.Headers.CacheControl?.NoCache, Is.True, "revalidated, so a release is not run from a stale copy");
    }

    [Test]
    public async Task AnUnknownApiPath_IsStillA404Problem_UnderTheApisPolicy()
    {
        var response = await Api.Anonymous().GetAsync("/api/index.html");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(Csp(response), Does.Contain("default-src 'none'").And.Not.Contain("script-src"));
        });
    }

    [Test]
    public async Task AnUnknownPageOutsideTheApi_IsA404_NotThePage()
    {
        var response = await Api.Anonymous().GetAsync("/calls/some-id");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the client routes with the fragment (/#/calls/…), so there is no fallback");
    }

    private static string Csp(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(",", values) : "";
}
