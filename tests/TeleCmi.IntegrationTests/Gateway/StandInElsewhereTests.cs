using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.IntegrationTests.Gateway.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>
/// The stand-in as a process of its own, as the benchmark runs it (src/Api/Simulator/README.md): one app plays
/// TeleCMI and posts its webhooks to <c>TeleCmi:Simulator:WebhookBaseUrl</c>, one at a time; the service, in Live
/// mode, reaches it through <c>TeleCmi:BaseUrl</c>. Calls complete on the service, and nothing lands on the stand-in.
/// </summary>
public sealed class StandInElsewhereTests
{
    [Test]
    public async Task AServiceInLiveMode_CallsThroughAStandInElsewhere_AndGetsItsWebhooks()
    {
        var servicePort = FreeLoopbackPort();
        await using var standIn = new SimulatedApp(new()
        {
            ["TeleCmi:Simulator:WebhookBaseUrl"] = $"http://127.0.0.1:{servicePort}/",
            ["TeleCmi:Simulator:MaxConcurrentWebhookPosts"] = "1",
        });
        using var standInHttp = standIn.Start();
        await using var service = new SimulatedApp(new()
        {
            ["TeleCmi:Mode"] = "Live",
            ["TeleCmi:BaseUrl"] = new Uri(standInHttp.BaseAddress!, "simulator/telecmi/").ToString(),
            // The same app and webhook token as the stand-in's (appsettings.Development.json).
            ["TeleCmi:AppId"] = "1111112",
            ["TeleCmi:AppSecret"] = SimulatedApp.DevelopmentAppSecret,
            ["TeleCmi:WebhookToken"] = "dev-webhook-token",
        }, port: servicePort);
        var api = await CallsApi.SignInAsync(service.Start());

        var first = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1001"), HttpStatusCode.Created);
        var second = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1002", "+919876500001"), HttpStatusCode.Created);
        var completed = await api.WaitForStatusAsync(first["id"]!.GetValue<string>(), "completed");
        var missed = await api.WaitForStatusAsync(second["id"]!.GetValue<string>(), "missed");
        using var recording = await api.Http.GetAsync($"/api/calls/{completed["id"]!.GetValue<string>()}/recording");

        using var scope = standIn.Services.CreateScope();
        var standInDb = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var standInDeliveries = await standInDb.WebhookDeliveries.CountAsync();
        var standInCalls = await standInDb.CallLogs.CountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(completed["durationSeconds"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(missed["missedBy"]!.GetValue<string>(), Is.EqualTo("driver"));
            Assert.That(recording.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the recording is fetched from the stand-in too");
            Assert.That(standInDeliveries, Is.Zero, "every webhook went to the service");
            Assert.That(standInCalls, Is.Zero);
        });
    }

    [Test]
    public async Task WithAtMostOnePostInFlight_TheStandInPostsItsWebhooksOneAfterAnother_AndEveryOne()
    {
        // The service it posts to answers each webhook after 200 ms. Two calls placed together would overlap their
        // posts (50 ms apart each); with one post at a time, each starts only once the previous one was answered.
        using var sink = WireMockServer.Start();
        sink.Given(Request.Create().WithPath("/api/webhooks/telecmi").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromMilliseconds(200)));
        await using var standIn = new SimulatedApp(new()
        {
            ["TeleCmi:Simulator:WebhookBaseUrl"] = sink.Url + "/",
            ["TeleCmi:Simulator:MaxConcurrentWebhookPosts"] = "1",
        });
        using var http = standIn.Start();

        foreach (var callId in new[] { "call_bound_1", "call_bound_2" })
        {
            using var placed = await http.PostAsync("/simulator/telecmi/v2/webrtc/click2call", new StringContent(
                $$$"""{"user_id":"5003_1111112","secret":"{{{SimulatedApp.DevelopmentAppSecret}}}","to":919876543210,"extra_params":{"call_id":"{{{callId}}}"}}""",
                System.Text.Encoding.UTF8, "application/json"));
            Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (sink.LogEntries.Count() < 12 && DateTime.UtcNow < deadline) await Task.Delay(100);
        await Task.Delay(300); // a 13th would show up now

        var posts = sink.LogEntries.Select(e => e.RequestMessage!).OrderBy(m => m.DateTime).ToList();
        var gaps = posts.Zip(posts.Skip(1), (a, b) => b.DateTime - a.DateTime).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(posts, Has.Count.EqualTo(12), "six webhooks per call, none dropped");
            Assert.That(gaps, Has.All.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(180)), "one post in flight at a time");
            Assert.That(posts.Select(m => m.Query!["token"].Single()), Has.All.EqualTo("dev-webhook-token"));
        });
    }

    [TestCase("not a url")]
    [TestCase("ftp://127.0.0.1/")]
    public void AWebhookBaseUrlThatIsNotAnHttpUrl_StopsTheStart_NamingTheSetting(string url)
    {
        using var app = new SimulatedApp(new() { ["TeleCmi:Simulator:WebhookBaseUrl"] = url }, listen: false);

        var error = Assert.Catch(() => app.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("TeleCmi:Simulator:WebhookBaseUrl"));
    }

    [Test]
    public async Task AnEmptyWebhookBaseUrl_MeansThisProcess()
    {
        await using var app = new SimulatedApp(new() { ["TeleCmi:Simulator:WebhookBaseUrl"] = "" });
        using var http = app.Start();

        using var live = await http.GetAsync("/health/live");

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
