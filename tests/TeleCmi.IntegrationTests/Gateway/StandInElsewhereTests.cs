using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.IntegrationTests.Gateway.Support;

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

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
