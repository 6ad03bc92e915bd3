using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Gateway.Support;

/// <summary>
/// The whole service as `dotnet run` starts it in Development, on a fresh SQLite file, listening on a real
/// loopback port so that the stand-in it hosts (src/Api/Development) can post its webhooks back to it over HTTP;
/// its gateway calls that stand-in over HTTP too. Everything both log is captured.
/// </summary>
public sealed class SimulatedApp : WebApplicationFactory<Program>
{
    /// <summary>The fake app secret in appsettings.Development.json.</summary>
    public const string DevelopmentAppSecret = "simulated-app-secret-not-real";

    /// <summary>The webhook token in appsettings.Development.json (long enough for Live mode too).</summary>
    public const string DevelopmentWebhookToken = "dev-webhook-token-not-a-secret";

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"telecmi-e2e-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> settings;
    private readonly TeleCmi.IntegrationTests.Support.TestDatabase? database;

    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="listen">Listen on a loopback port (needed for Simulated mode, where the stand-in posts webhooks back).</param>
    /// <param name="port">The port to listen on; 0 picks a free one.</param>
    /// <param name="database">A database of either engine (dropped on dispose); by default a fresh SQLite file.</param>
    public SimulatedApp(Dictionary<string, string?>? settings = null, bool listen = true, int port = 0,
        TeleCmi.IntegrationTests.Support.TestDatabase? database = null)
    {
        this.settings = settings ?? [];
        this.database = database;
        if (listen) UseKestrel(port);
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Every request the service's TeleCMI gateway sent (path and body), as the provider received them.</summary>
    public TeleCmiRequestLog TeleCmiRequests { get; } = new();

    /// <summary>Starts the server and returns a client that talks to it over real HTTP.</summary>
    public HttpClient Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Default", database?.ConnectionString ?? $"Data Source={databasePath}");
        builder.UseSetting("Database:Provider", database?.Engine.ToString() ?? "Sqlite");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("TeleCmi:Simulator:EventSpacingMs", "50");
        builder.UseSetting("TeleCmi:AttemptTimeoutSeconds", "1");
        builder.UseSetting("TeleCmi:TotalTimeoutSeconds", "4");
        // One telecaller places every call of a fixture within seconds; the per-agent call limit is not under test here.
        builder.UseSetting("RateLimits:TeleCmiCallsPerMinute", "1000");
        // Tests dial at whatever time they run: calling hours open all day (a setting below may close them).
        builder.UseSetting("Compliance:CallingHours", "00:00-24:00");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, TeleCmi.IntegrationTests.Support.ObservedStatuses.Recorder>();
            // A new handler per pipeline (they are rebuilt every few minutes), all writing to one log.
            services.AddHttpClient(TeleCmi.Infrastructure.Telephony.TeleCmiServiceCollectionExtensions.ClientName)
                .AddHttpMessageHandler(() => new TeleCmiRequestLog.Handler(TeleCmiRequests));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null) await database.DropAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(databasePath + suffix);
    }
}
