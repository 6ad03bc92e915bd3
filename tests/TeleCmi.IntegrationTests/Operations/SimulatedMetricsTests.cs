using System.Net;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Gateway.Support;

namespace TeleCmi.IntegrationTests.Operations;

/// <summary>
/// The metrics of a real round trip: the HTTP gateway calls the built-in TeleCMI stand-in, which posts its webhooks back.
/// Only this path times the provider (the other fixtures replace the gateway).
/// </summary>
public sealed class SimulatedMetricsTests
{
    private SimulatedApp app = null!;
    private CallsApi api = null!;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        app = new SimulatedApp();
        api = await CallsApi.SignInAsync(app.Start());
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        api?.Http.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Test]
    public async Task ACompletedCallAndItsRecording_AreTimedAndCounted()
    {
        var before = await ScrapeAsync();

        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1007"), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        await api.WaitForStatusAsync(callId, "completed");
        (await api.Http.GetAsync($"/api/calls/{callId}/recording")).EnsureSuccessStatusCode();
        await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1008", "+919876500003"), HttpStatusCode.BadGateway);

        var after = await ScrapeAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Delta(before, after, "telecmi_provider_duration_seconds_count", ("operation", "click_to_call"), ("outcome", "accepted")), Is.EqualTo(1));
            Assert.That(Delta(before, after, "telecmi_provider_duration_seconds_count", ("operation", "click_to_call"), ("outcome", "refused")), Is.EqualTo(1));
            Assert.That(Delta(before, after, "telecmi_provider_duration_seconds_count", ("operation", "recording"), ("outcome", "audio")), Is.EqualTo(1));
            Assert.That(Delta(before, after, "telecmi_provider_duration_seconds_sum"), Is.GreaterThan(0));
            Assert.That(Delta(before, after, "telecmi_calls_initiated_total", ("provider", "telecmi"), ("result", "accepted")), Is.EqualTo(1));
            Assert.That(Delta(before, after, "telecmi_calls_initiated_total", ("provider", "telecmi"), ("result", "refused")), Is.EqualTo(1));
            Assert.That(Delta(before, after, "telecmi_webhooks_received_total", ("type", "cdr")), Is.GreaterThanOrEqualTo(2), "both legs' CDRs");
            Assert.That(Delta(before, after, "telecmi_webhooks_received_total", ("result", "applied")), Is.GreaterThanOrEqualTo(4));
            Assert.That(Delta(before, after, "telecmi_webhooks_delay_seconds_count"), Is.GreaterThanOrEqualTo(4), "the stand-in stamps its webhooks with the current time");
            Assert.That(Delta(before, after, "http_client_request_duration_seconds_count"), Is.GreaterThanOrEqualTo(3), "HttpClient instrumentation");
        });
    }

    private static double Delta(PrometheusText before, PrometheusText after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);

    private async Task<PrometheusText> ScrapeAsync()
    {
        await Task.Delay(400); // past the exporter's 300 ms response cache
        var response = await api.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return PrometheusText.Parse(text);
    }
}
