using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Operations;

/// <summary>
/// <c>/metrics</c> in Prometheus text format on its own port (<c>Metrics:Port</c>), and the service's own counters moving
/// with real requests. The fixture's service is shared by its tests, so each test reads the counters before and after
/// and asserts the difference.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class MetricsTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private const int MetricsPort = 9464;
    private const string CallsInitiated = "telecmi_calls_initiated_total";
    private const string WebhooksReceived = "telecmi_webhooks_received_total";
    private const string WebhookDelayCount = "telecmi_webhooks_delay_seconds_count";
    private const string WebhookDelaySum = "telecmi_webhooks_delay_seconds_sum";
    private const string WebhookBatchSum = "telecmi_webhooks_batch_size_sum";

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("Metrics:Port", MetricsPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Swagger:Enabled", "true");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ConnectionPortFromHost>());
    }

    [Test]
    public async Task Metrics_IsPrometheusText_Anonymous_WithTheHttpAndRuntimeInstruments()
    {
        await Api.Anonymous().GetAsync("/health/live");

        var response = await Scraper().GetAsync("/metrics");

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        var metrics = PrometheusText.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("# TYPE "));
            Assert.That(metrics.Has("http_server_request_duration_seconds_count"), Is.True, "ASP.NET Core instrumentation");
            Assert.That(metrics.Samples.Any(s => s.Name.StartsWith("dotnet_", StringComparison.Ordinal)), Is.True, "runtime instrumentation");
            Assert.That(metrics.Has("target_info"), Is.True);
        });
    }

    [Test]
    public async Task Metrics_OnTheApiPort_Is404()
    {
        var response = await Api.Anonymous().GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/health/live")]
    [TestCase("/api/calls")]
    [TestCase("/swagger/v1/swagger.json")]
    public async Task TheMetricsPort_ServesNothingElse(string path)
    {
        var response = await Scraper().GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Metrics_IsNotInTheOpenApiDocument()
    {
        var document = await Api.Anonymous().GetStringAsync("/swagger/v1/swagger.json");

        Assert.That(document, Does.Not.Contain("\"/metrics\""));
    }

    [Test]
    public async Task ACallAndItsWebhooks_MoveTheCallAndWebhookCounters()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        var before = await ScrapeAsync();

        var call = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var (callId, requestId) = (call["id"]!.GetValue<string>(), call["teleCmiRequestId"]!.GetValue<string>());
        var hooks = Webhooks.HappyPath(callId, requestId, "919876543210", 42, "1764000000000_5003.mp3").ToList();
        foreach (var hook in hooks) Assert.That((await Api.PostWebhookAsync(hook)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Api.PostWebhookAsync(hooks[^1])).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a duplicate");
        Assert.That((await Api.PostWebhookAsync(Webhooks.Event("call_unknown", "req-unknown", "a", "started", "919100000001"))).StatusCode,
            Is.EqualTo(HttpStatusCode.OK), "unmatched");
        Assert.That((await Api.PostWebhookAsync(hooks[0], token: "wrong-token")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "busy" }), HttpStatusCode.Created);

        var after = await ScrapeUntilAsync(m => Delta(before, m, CallsInitiated, ("provider", "manual")) >= 1);
        Assert.Multiple(() =>
        {
            Assert.That(Delta(before, after, CallsInitiated, ("provider", "telecmi"), ("result", "accepted")), Is.EqualTo(1));
            Assert.That(Delta(before, after, CallsInitiated, ("provider", "manual"), ("result", "logged")), Is.EqualTo(1));
            Assert.That(Delta(before, after, WebhooksReceived, ("type", "event")), Is.EqualTo(5), "4 events + 1 unmatched event");
            Assert.That(Delta(before, after, WebhooksReceived, ("type", "cdr")), Is.EqualTo(3), "2 CDRs + the duplicate");
            Assert.That(Delta(before, after, WebhooksReceived, ("result", "applied")), Is.EqualTo(6), "every first delivery taught the call something");
            Assert.That(Delta(before, after, WebhooksReceived, ("type", "cdr"), ("result", "no_change")), Is.EqualTo(1), "the duplicate");
            Assert.That(Delta(before, after, WebhooksReceived, ("result", "unmatched")), Is.EqualTo(1));
            Assert.That(Delta(before, after, WebhooksReceived, ("type", "unknown"), ("result", "rejected")), Is.EqualTo(1), "wrong token");
            Assert.That(Delta(before, after, WebhookDelayCount), Is.Zero, "the payloads' times are from 2025: too old to time");
            Assert.That(Delta(before, after, WebhookBatchSum, ("outcome", "committed")), Is.EqualTo(8), "every stored delivery was in a committed batch");
        });
    }

    [Test]
    public async Task ProviderFailures_AreCountedByResult()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var before = await ScrapeAsync();

        Factory.Gateway.Answer = _ => Task.FromResult<TeleCmi.Application.Common.Interfaces.ClickToCallResult>(
            new TeleCmi.Application.Common.Interfaces.ClickToCallResult.Refused(404, "Invalid number"));
        Assert.That((await agent.PostAsJsonAsync("/api/calls", new { driverId = await Api.NewDriverAsync() })).StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Factory.Gateway.Answer = _ => Task.FromResult<TeleCmi.Application.Common.Interfaces.ClickToCallResult>(
            new TeleCmi.Application.Common.Interfaces.ClickToCallResult.Unconfirmed("timeout", TimeSpan.FromSeconds(5)));
        Assert.That((await agent.PostAsJsonAsync("/api/calls", new { driverId = await Api.NewDriverAsync() })).StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));

        var after = await ScrapeUntilAsync(m => Delta(before, m, CallsInitiated, ("result", "unconfirmed")) >= 1);
        Assert.Multiple(() =>
        {
            Assert.That(Delta(before, after, CallsInitiated, ("provider", "telecmi"), ("result", "refused")), Is.EqualTo(1));
            Assert.That(Delta(before, after, CallsInitiated, ("provider", "telecmi"), ("result", "unconfirmed")), Is.EqualTo(1));
            Assert.That(Delta(before, after, CallsInitiated, ("result", "accepted")), Is.Zero);
        });
    }

    [Test]
    public async Task AWebhookStampedSecondsAgo_IsTimed()
    {
        var before = await ScrapeAsync();
        var hook = Webhooks.Event("call_delay_probe", "req-delay-probe", "a", "started", "919100000001");
        hook["time"] = DateTimeOffset.UtcNow.AddSeconds(-3).ToUnixTimeMilliseconds().ToString();

        Assert.That((await Api.PostWebhookAsync(hook)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var after = await ScrapeUntilAsync(m => Delta(before, m, WebhookDelayCount) >= 1);
        Assert.That(Delta(before, after, WebhookDelayCount, ("type", "event")), Is.EqualTo(1));
        Assert.That(Delta(before, after, WebhookDelaySum), Is.InRange(2.5, 60), "seconds from TeleCMI's time to receipt");
    }

    /// <summary>A client of the metrics port, as Prometheus is.</summary>
    private HttpClient Scraper() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://localhost:{MetricsPort}") });

    private static double Delta(PrometheusText before, PrometheusText after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);

    private async Task<PrometheusText> ScrapeAsync()
    {
        var response = await Scraper().GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return PrometheusText.Parse(text);
    }

    /// <summary>Scrapes until <paramref name="ready"/> holds (the exporter caches a scrape for a moment), at most 10 s.</summary>
    private async Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var metrics = await ScrapeAsync();
            if (ready(metrics) || DateTime.UtcNow > deadline) return metrics;
            await Task.Delay(100);
        }
    }
}
