using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Operations;

/// <summary>
/// Every response carries <c>X-Correlation-Id</c>; it is the problem's <c>traceId</c> and the <c>CorrelationId</c> scope of
/// the request's log lines. A client's sane id is kept, anything else replaced.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class CorrelationIdTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private const string Header = "X-Correlation-Id";
    private readonly ScopeCapturingLogs logs = new();

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimits:WebhooksPerSecond", "1");
        builder.ConfigureLogging(l => l.AddProvider(logs));
    }

    [Test]
    public async Task ASuccess_CarriesAGeneratedId()
    {
        var response = await Api.Anonymous().GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(IdOf(response), Does.Match("^[0-9a-f]{32}$"));
    }

    [Test]
    public async Task TwoRequests_GetDifferentIds()
    {
        var first = IdOf(await Api.Anonymous().GetAsync("/health/live"));
        var second = IdOf(await Api.Anonymous().GetAsync("/health/live"));

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public async Task A401Problem_CarriesTheId_AsItsTraceId()
    {
        var response = await Api.Anonymous().GetAsync("/api/calls");

        var problem = await TestApi.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(IdOf(response), Is.EqualTo(problem["traceId"]!.GetValue<string>()));
    }

    [Test]
    public async Task A400Problem_EchoesTheClientsId_AsItsTraceId()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/calls") { Content = JsonContent.Create(new { driverId = "" }) };
        request.Headers.Add(Header, "app-7.Req_42");

        var response = await agent.SendAsync(request);

        var problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.That(IdOf(response), Is.EqualTo("app-7.Req_42"));
        Assert.That(problem["traceId"]!.GetValue<string>(), Is.EqualTo("app-7.Req_42"));
    }

    [Test]
    public async Task A429Problem_CarriesTheId()
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) responses.Add(await Api.PostWebhookAsync(new { type = "event" }, token: "wrong-token"));

        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var problem = await TestApi.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.That(IdOf(refused), Is.EqualTo(problem["traceId"]!.GetValue<string>()));
    }

    [TestCase("x", TestName = "AnIdOfOneCharacter_IsKept")]
    [TestCase("0123456789012345678901234567890123456789012345678901234567890123", TestName = "AnIdOf64Characters_IsKept")]
    [TestCase("5f1c3a9e-7b2d-4c1e-9a3f-2e8d7c6b5a41", TestName = "AGuid_IsKept")]
    public async Task ASaneId_IsEchoed(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add(Header, id);

        Assert.That(IdOf(await Api.Anonymous().SendAsync(request)), Is.EqualTo(id));
    }

    [TestCase("01234567890123456789012345678901234567890123456789012345678901234", TestName = "AnIdOf65Characters_IsReplaced")]
    [TestCase("abc def", TestName = "AnIdWithASpace_IsReplaced")]
    [TestCase("a;b=c", TestName = "AnIdWithPunctuation_IsReplaced")]
    [TestCase("{\"json\":1}", TestName = "AJsonId_IsReplaced")]
    [TestCase("id\\u000a", TestName = "AnIdWithABackslash_IsReplaced")]
    public async Task AnInsaneId_IsReplaced(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/calls");
        request.Headers.TryAddWithoutValidation(Header, id);

        var response = await Api.Anonymous().SendAsync(request);

        var problem = await TestApi.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(IdOf(response), Does.Match("^[0-9a-f]{32}$"));
        Assert.That(problem["traceId"]!.GetValue<string>(), Is.EqualTo(IdOf(response)));
    }

    [Test]
    public async Task TwoIdsInOneRequest_AreReplaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add(Header, ["one", "two"]);

        Assert.That(IdOf(await Api.Anonymous().SendAsync(request)), Does.Match("^[0-9a-f]{32}$"));
    }

    [Test]
    public async Task AnIdempotentReplay_CarriesTheRetrysOwnId()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        var key = Guid.NewGuid().ToString("N");

        var first = await agent.SendAsync(IdempotentCall(driverId, key, "first-try"));
        var replay = await agent.SendAsync(IdempotentCall(driverId, key, "second-try"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(replay.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        Assert.That(IdOf(first), Is.EqualTo("first-try"));
        Assert.That(IdOf(replay), Is.EqualTo("second-try"));
    }

    [Test]
    public async Task TheRequestsLogLines_CarryTheIdAsTheCorrelationIdScope()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var id = "log-scope-" + Guid.NewGuid().ToString("N")[..8];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/calls") { Content = JsonContent.Create(new { driverId = await Api.NewDriverAsync() }) };
        request.Headers.Add(Header, id);

        Assert.That((await agent.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var lines = logs.Lines.Where(l => l.ScopeValues.TryGetValue("CorrelationId", out var v) && v == id).ToList();
        Assert.That(lines.Any(l => l.Category.StartsWith("TeleCmi.Application.Common.Behaviours.LoggingBehaviour", StringComparison.Ordinal)
                                   && l.Message.StartsWith("InitiateCall", StringComparison.Ordinal)), Is.True,
            "the pipeline's line for InitiateCall; lines in scope: " + string.Join(" | ", lines.Select(l => l.Category + ": " + l.Message)));
    }

    private static HttpRequestMessage IdempotentCall(string driverId, string key, string correlationId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/calls") { Content = JsonContent.Create(new { driverId }) };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add(Header, correlationId);
        return request;
    }

    private static string IdOf(HttpResponseMessage response)
    {
        Assert.That(response.Headers.TryGetValues(Header, out var values), Is.True, $"no {Header} on a {(int)response.StatusCode}");
        return values!.Single();
    }
}
