using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Security;

/// <summary>Per-agent and global limits, lowered by configuration: each rejection is a 429 problem with Retry-After.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class RateLimitTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private const int CallsPerMinute = 3;
    private const int DailyCap = 2;

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimits:TeleCmiCallsPerMinute", CallsPerMinute.ToString());
        builder.UseSetting("RateLimits:WebhooksPerSecond", "2");
        builder.UseSetting("Calls:DailyTeleCmiCallCap", DailyCap.ToString());
    }

    [Test]
    public async Task TeleCmiCalls_OverThePerMinuteLimit_Are429WithRetryAfter_ForThatAgentOnly()
    {
        var (alice, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (bob, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        for (var i = 0; i < CallsPerMinute; i++)
            Assert.That((await alice.PostAsJsonAsync("/api/calls", new { driverId = "DRV-none" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var refused = await alice.PostAsJsonAsync("/api/calls", new { driverId = "DRV-none" });

        await AssertTooManyAsync(refused, maxRetryAfterSeconds: 60);
        Assert.That((await bob.PostAsJsonAsync("/api/calls", new { driverId = "DRV-none" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await alice.PostAsJsonAsync("/api/calls/manual", new { driverId = "DRV-none", outcome = "busy" })).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound), "manual calls are not limited");
    }

    [Test]
    public async Task TheDailyTeleCmiCap_Is429UntilMidnightInTheBusinessTimeZone_AndChangesNothing()
    {
        var (alice, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (bob, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        for (var i = 0; i < DailyCap; i++)
            await TestApi.ReadAsync(await alice.PostAsJsonAsync("/api/calls", new { driverId = await Api.NewDriverAsync() }), HttpStatusCode.Created);
        var driverId = await Api.NewDriverAsync();
        var before = await DatabaseSnapshot.TakeAsync(Factory);
        var gatewayCalls = Factory.Gateway.Requests.Count;

        var refused = await alice.PostAsJsonAsync("/api/calls", new { driverId });

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var localNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var untilMidnight = (new DateTimeOffset(localNow.Date.AddDays(1), localNow.Offset) - localNow).TotalSeconds;
        var retryAfter = await AssertTooManyAsync(refused, maxRetryAfterSeconds: (int)Math.Ceiling(untilMidnight) + 1);
        Assert.That(retryAfter, Is.GreaterThanOrEqualTo((int)untilMidnight - 30));
        Assert.That(await DatabaseSnapshot.TakeAsync(Factory), Is.EqualTo(before));
        Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(gatewayCalls), "TeleCMI was not asked");
        await TestApi.ReadAsync(await alice.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "busy" }), HttpStatusCode.Created);
        await TestApi.ReadAsync(await bob.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
    }

    [Test]
    public async Task Webhooks_OverTheGlobalRate_Are429WithRetryAfter()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Api.PostWebhookAsync(new { type = "event" }, token: "wrong-token")));

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.That(refused, Is.Not.Empty, string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        await AssertTooManyAsync(refused[0], maxRetryAfterSeconds: 1);
        Assert.That(responses.Where(r => r.StatusCode != HttpStatusCode.TooManyRequests).Select(r => r.StatusCode),
            Is.All.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static async Task<int> AssertTooManyAsync(HttpResponseMessage response, int maxRetryAfterSeconds)
    {
        var problem = await TestApi.ReadAsync(response, HttpStatusCode.TooManyRequests);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(429));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.Not.Null, "Retry-After in seconds");
        var seconds = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.That(seconds, Is.InRange(1, maxRetryAfterSeconds));
        return seconds;
    }
}
