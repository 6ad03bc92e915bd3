using System.Net;
using NUnit.Framework;
using TeleCmi.Api.Infrastructure;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Security;

/// <summary>An over-long URL (414) or over-large headers (431) are refused by the app as problems, before Kestrel's bare refusal.</summary>
public sealed class RequestHeadLimitTests() : ApiFixture(DatabaseEngine.Sqlite)
{
    [Test]
    public async Task ARequestTargetOverTheLimit_Is414Problem()
    {
        var response = await Api.Anonymous().GetAsync("/health/live?pad=" + new string('x', RequestHeadLimits.MaxTargetBytes));

        Assert.That((int)response.StatusCode, Is.EqualTo(414));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task HeadersOverTheLimit_Are431Problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        for (var i = 0; i < 5; i++) request.Headers.Add($"X-Pad-{i}", new string('x', RequestHeadLimits.MaxHeaderBytes / 4));

        var response = await Api.Anonymous().SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(431));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task ALongButAcceptableQuery_StillWorks() =>
        Assert.That((await Api.Anonymous().GetAsync("/health/live?pad=" + new string('x', 4000))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
}
