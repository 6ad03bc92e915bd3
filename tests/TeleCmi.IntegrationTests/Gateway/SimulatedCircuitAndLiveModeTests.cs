using System.Diagnostics;
using System.Net;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Gateway.Support;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>The app with its stand-in when TeleCMI is down (circuit breaker), and in Live mode (no stand-in).</summary>
[Order(2)]
public sealed class SimulatedCircuitAndLiveModeTests
{
    [Test]
    public async Task TeleCmiDown_0005_Answers503_ThenTheOpenCircuitAnswers503AtOnceWithoutCallingTeleCmi_BothKeptNotPlaced()
    {
        await using var app = new SimulatedApp(new()
        {
            ["TeleCmi:CircuitBreakerMinimumThroughput"] = "3",
            ["TeleCmi:CircuitBreakerBreakSeconds"] = "60",
        });
        var api = await CallsApi.SignInAsync(app.Start());
        int StandInCalls() => app.Logs.Lines.Count(l => l.Contains("TeleCMI stand-in: click2call"));

        using var first = await api.PlaceAsync("DRV-1007", "+919876500005");
        var firstProblem = await CallsApi.ReadAsync(first, HttpStatusCode.ServiceUnavailable);
        Assert.That(first.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(10)), "TeleCMI's own Retry-After");
        Assert.That(StandInCalls(), Is.EqualTo(3), "a 503 proves nothing was placed, so it was retried twice");

        var clock = Stopwatch.StartNew();
        using var second = await api.PlaceAsync("DRV-1008", "+919876500005");
        var problem = await CallsApi.ReadAsync(second, HttpStatusCode.ServiceUnavailable);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That(second.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("paused"));
        Assert.That(StandInCalls(), Is.EqualTo(3), "the open circuit did not call TeleCMI");
        var call = await api.GetAsync(problem["callId"]!.GetValue<string>());
        Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("not_placed"), "the open circuit placed nothing");
        var firstCall = await api.GetAsync(firstProblem["callId"]!.GetValue<string>());
        Assert.That(firstCall["status"]!.GetValue<string>(), Is.EqualTo("not_placed"), "503 after the retries placed nothing");
        Assert.That(app.Logs.Containing([SimulatedApp.DevelopmentAppSecret, .. SimulatedTeleCmiEndToEndTests.DemoNumbers()]), Is.Empty);
    }

    [Test]
    public async Task InLiveMode_TheStandInsRoutesAre404()
    {
        await using var app = new SimulatedApp(new()
        {
            ["TeleCmi:Mode"] = "Live",
            ["TeleCmi:BaseUrl"] = "http://127.0.0.1:9",
            ["TeleCmi:AppId"] = "1111112",
            ["TeleCmi:AppSecret"] = "live-mode-test-secret",
            ["TeleCmi:WebhookToken"] = "live-mode-test-webhook-token",
        }, listen: false);
        using var http = app.CreateClient();

        using var click = await http.PostAsync("/simulator/telecmi/v2/webrtc/click2call",
            new StringContent("""{"user_id":"5003_1111112","secret":"live-mode-test-secret","to":919876543210}""", System.Text.Encoding.UTF8, "application/json"));
        using var play = await http.GetAsync("/simulator/telecmi/v2/play?appid=1111112&secret=live-mode-test-secret&file=x.wav");

        Assert.That(click.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(play.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
