using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TeleCmi.StandIn;

namespace TeleCmi.IntegrationTests.Gateway.Support;

/// <summary>
/// The TeleCMI stand-in as its own host (src/TeleCmiStandIn, as `dotnet run --project src/TeleCmiStandIn` builds it), on a
/// free loopback port, with the app settings the service's tests use. Everything it logs is captured.
/// </summary>
public sealed class StandInServer : IAsyncDisposable
{
    /// <summary>The app id, secret and webhook token it shares with the service (those of appsettings.Development.json).</summary>
    public static readonly Dictionary<string, string?> SharedAppSettings = new()
    {
        ["TeleCmi:AppId"] = "1111112",
        ["TeleCmi:AppSecret"] = SimulatedApp.DevelopmentAppSecret,
        ["TeleCmi:WebhookToken"] = SimulatedApp.DevelopmentWebhookToken,
    };

    private readonly WebApplication app;
    private bool started;

    private StandInServer(WebApplication app) => this.app = app;

    public CapturedLogs Logs { get; private init; } = new();

    /// <summary>Its base URL, ending in <c>/</c>: the service's <c>TeleCmi:BaseUrl</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Builds the stand-in with <paramref name="settings"/> over <see cref="SharedAppSettings"/> (not started).</summary>
    public static StandInServer Create(Dictionary<string, string?> settings)
    {
        var logs = new CapturedLogs();
        var app = StandInHost.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(SharedAppSettings.Concat(settings).GroupBy(kv => kv.Key).Select(g => g.Last()));
            builder.Configuration["TeleCmi:Simulator:EventSpacingMs"] ??= "50";
            builder.Logging.ClearProviders().AddProvider(logs);
        });
        return new StandInServer(app) { Logs = logs };
    }

    /// <summary>Builds and starts it; returns a client for its own endpoints.</summary>
    public static async Task<StandInServer> StartAsync(Dictionary<string, string?> settings)
    {
        var server = Create(settings);
        await server.StartAsync();
        server.Address = StandInHost.AddressOf(server.app);
        return server;
    }

    /// <summary>Starts it, for a test that expects the start to fail.</summary>
    public async Task StartAsync()
    {
        await app.StartAsync();
        started = true;
    }

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (started) await app.StopAsync();
        await app.DisposeAsync();
    }
}
