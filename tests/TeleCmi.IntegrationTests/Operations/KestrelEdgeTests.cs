using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Operations;

/// <summary>
/// The service on real sockets (Kestrel), as deployed: the API's URL from <c>urls</c> and a metrics port from
/// <c>Metrics:Port</c> both bound, metrics answering only on theirs, and no <c>Server</c> header.
/// </summary>
public sealed class KestrelEdgeTests
{
    private TestDatabase database = null!;
    private TeleCmiApiFactory factory = null!;
    private HttpClient api = null!;
    private HttpClient metrics = null!;
    private int metricsPort;

    [OneTimeSetUp]
    public void StartOnKestrel()
    {
        database = TestDatabase.Create(DatabaseEngine.Sqlite);
        metricsPort = FreePort();
        factory = new TeleCmiApiFactory(database, builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("TeleCmi:Mode", "Live");
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Metrics:Port", metricsPort.ToString(CultureInfo.InvariantCulture));
        });
        factory.UseKestrel();
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var apiAddress = addresses.Select(a => new Uri(a)).Single(a => a.Port != metricsPort);
        api = new HttpClient { BaseAddress = apiAddress };
        metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        api?.Dispose();
        metrics?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        if (database is not null) await database.DropAsync();
    }

    [Test]
    public async Task TheApiPort_ServesTheApi_WithoutAServerHeader()
    {
        var response = await api.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Contains("Server"), Is.False, string.Join(", ", response.Headers.Select(h => h.Key)));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }

    [Test]
    public async Task Metrics_AnswerOnTheMetricsPort()
    {
        var response = await metrics.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("# TYPE "));
        Assert.That(response.Headers.Contains("Server"), Is.False);
    }

    [Test]
    public async Task Metrics_OnTheApiPort_Are404_EvenWithTheMetricsPortInTheHostHeader()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = $"127.0.0.1:{metricsPort}";

        var plain = await api.GetAsync("/metrics");
        var spoofed = await api.SendAsync(request);

        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(spoofed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task TheMetricsPort_DoesNotServeTheApi()
    {
        var response = await metrics.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task OnRealSockets_AnOverLongUrl_IsTheAppsProblem_NotKestrelsBareRefusal()
    {
        var response = await api.GetAsync("/health/live?pad=" + new string('x', TeleCmi.Api.Infrastructure.RequestHeadLimits.MaxTargetBytes + 100));

        Assert.That((int)response.StatusCode, Is.EqualTo(414));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
