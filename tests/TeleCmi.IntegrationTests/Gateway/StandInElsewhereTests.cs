using System.Net;
using System.Net.Sockets;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Gateway.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>
/// The stand-in as a process of its own (src/TeleCmiStandIn, as the benchmark and docker-compose run it): it plays
/// TeleCMI at TeleCMI's paths and posts its webhooks to <c>TeleCmi:Simulator:WebhookBaseUrl</c>; the service, in Live
/// mode, reaches it through <c>TeleCmi:BaseUrl</c> and cannot tell it from TeleCMI.
/// </summary>
public sealed class StandInElsewhereTests
{
    [Test]
    public async Task AServiceInLiveMode_CallsThroughAStandInElsewhere_AndGetsItsWebhooks()
    {
        var servicePort = FreeLoopbackPort();
        await using var standIn = await StandInServer.StartAsync(new()
        {
            ["TeleCmi:Simulator:WebhookBaseUrl"] = $"http://127.0.0.1:{servicePort}/",
            ["TeleCmi:Simulator:MaxConcurrentWebhookPosts"] = "1",
        });
        await using var service = new SimulatedApp(new(StandInServer.SharedAppSettings)
        {
            ["TeleCmi:Mode"] = "Live",
            ["TeleCmi:BaseUrl"] = standIn.Address.ToString(),
        }, port: servicePort);
        var api = await CallsApi.SignInAsync(service.Start());

        var first = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1001"), HttpStatusCode.Created);
        var second = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1002", "+919876500001"), HttpStatusCode.Created);
        var completed = await api.WaitForStatusAsync(first["id"]!.GetValue<string>(), "completed");
        var missed = await api.WaitForStatusAsync(second["id"]!.GetValue<string>(), "missed");
        using var recording = await api.Http.GetAsync($"/api/calls/{completed["id"]!.GetValue<string>()}/recording");

        Assert.Multiple(() =>
        {
            Assert.That(completed["durationSeconds"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(missed["missedBy"]!.GetValue<string>(), Is.EqualTo("driver"));
            Assert.That(recording.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the recording is fetched from the stand-in too");
            Assert.That(standIn.Logs.Lines.Count(l => l.Contains("TeleCMI stand-in: click2call")), Is.EqualTo(2), "the stand-in placed both calls");
            Assert.That(service.Logs.Lines.Where(l => l.Contains("TeleCMI stand-in")), Is.Empty, "the service hosts no stand-in in Live mode");
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
        await using var standIn = await StandInServer.StartAsync(new()
        {
            ["TeleCmi:Simulator:WebhookBaseUrl"] = sink.Url + "/",
            ["TeleCmi:Simulator:MaxConcurrentWebhookPosts"] = "1",
        });
        using var http = standIn.Client();

        foreach (var callId in new[] { "call_bound_1", "call_bound_2" })
        {
            using var placed = await http.PostAsync("v2/webrtc/click2call", new StringContent(
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
            Assert.That(posts.Select(m => m.Query!["token"].Single()), Has.All.EqualTo(SimulatedApp.DevelopmentWebhookToken));
        });
    }

    [Test]
    public async Task TheStandIn_ChecksTheAppSecret_AsTeleCmiDoes()
    {
        await using var standIn = await StandInServer.StartAsync(new() { ["TeleCmi:Simulator:WebhookBaseUrl"] = "http://127.0.0.1:9/" });
        using var http = standIn.Client();

        using var placed = await http.PostAsync("v2/webrtc/click2call", new StringContent(
            """{"user_id":"5003_1111112","secret":"wrong-secret","to":919876543210}""", System.Text.Encoding.UTF8, "application/json"));
        using var play = await http.GetAsync("v2/play?appid=1111112&secret=wrong-secret&file=x.wav");

        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await placed.Content.ReadAsStringAsync(), Does.Contain("Invalid user id or secret"));
        Assert.That(play.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("not a url")]
    [TestCase("ftp://127.0.0.1/")]
    [TestCase("")]
    public async Task AWebhookBaseUrlThatIsMissingOrNotAnHttpUrl_StopsTheStandInsStart_NamingTheSetting(string url)
    {
        await using var standIn = StandInServer.Create(new() { ["TeleCmi:Simulator:WebhookBaseUrl"] = url });

        var error = Assert.CatchAsync(standIn.StartAsync);

        Assert.That(error!.ToString(), Does.Contain("TeleCmi:Simulator:WebhookBaseUrl"));
    }

    [TestCase("TeleCmi:AppSecret")]
    [TestCase("TeleCmi:WebhookToken")]
    public async Task AMissingSharedSecret_StopsTheStandInsStart_NamingTheSetting(string setting)
    {
        await using var standIn = StandInServer.Create(new() { ["TeleCmi:Simulator:WebhookBaseUrl"] = "http://127.0.0.1:9/", [setting] = "" });

        var error = Assert.CatchAsync(standIn.StartAsync);

        Assert.That(error!.ToString(), Does.Contain(setting));
    }

    [Test]
    public void InsideTheApi_AnInvalidWebhookBaseUrl_StopsTheApisStart_NamingTheSetting()
    {
        using var app = new SimulatedApp(new() { ["TeleCmi:Simulator:WebhookBaseUrl"] = "ftp://127.0.0.1/" }, listen: false);

        var error = Assert.Catch(() => app.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("TeleCmi:Simulator:WebhookBaseUrl"));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
