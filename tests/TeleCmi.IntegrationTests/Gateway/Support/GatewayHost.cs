using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Infrastructure.Telephony;

namespace TeleCmi.IntegrationTests.Gateway.Support;

/// <summary>
/// The gateway built through the app's own registration (<see cref="TeleCmiServiceCollectionExtensions.AddTeleCmiGateway"/>)
/// from in-memory configuration, with an attempt counter and captured logs. A new host has a fresh circuit breaker.
/// </summary>
public sealed class GatewayHost : IDisposable
{
    public const string AppId = "2222223";
    public const string AppSecret = "gateway-test-secret-7f3a9c";

    private readonly ServiceProvider services;

    public GatewayHost(string baseUrl, Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["TeleCmi:Mode"] = "Live",
            ["TeleCmi:BaseUrl"] = baseUrl,
            ["TeleCmi:AppId"] = AppId,
            ["TeleCmi:AppSecret"] = AppSecret,
            ["TeleCmi:WebhookToken"] = "gateway-test-webhook-token",
            ["TeleCmi:AttemptTimeoutSeconds"] = "1",
            ["TeleCmi:TotalTimeoutSeconds"] = "10",
            ["TeleCmi:RetryBaseDelayMs"] = "20",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var collection = new ServiceCollection();
        collection.AddLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        collection.AddTeleCmiGateway(configuration, "Testing");
        collection.AddHttpClient(TeleCmiServiceCollectionExtensions.ClientName).AddHttpMessageHandler(() => Counter);
        services = collection.BuildServiceProvider();
    }

    public CapturedLogs Logs { get; } = new();

    public AttemptCounter Counter { get; } = new();

    public ITeleCmiGateway Gateway => services.GetRequiredService<ITeleCmiGateway>();

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A loopback URL on which nothing listens: connecting is refused at once.</summary>
    public static string ClosedPortUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    public void Dispose() => services.Dispose();
}
