using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.Memory;

namespace TeleCmi.StandIn;

/// <summary>
/// Builds the stand-in's web host: alone (<see cref="Create"/>, as <c>dotnet run --project src/TeleCmiStandIn</c> and
/// tests start it) or inside the API in Development (<see cref="CreateEmbedded"/>). Either way it has its own Kestrel
/// on its own port, so the service reaches it over HTTP through its real gateway, as it reaches TeleCMI.
/// </summary>
public static class StandInHost
{
    /// <summary>Where the stand-in listens when no <c>urls</c> (<c>ASPNETCORE_URLS</c>, <c>--urls</c>) or HTTP port is set.</summary>
    public const string DefaultUrl = "http://localhost:5081";

    /// <summary>
    /// The stand-in as a process of its own: settings from the command line and the environment (no settings file);
    /// <c>TeleCmi:AppSecret</c>, <c>TeleCmi:WebhookToken</c> and <c>TeleCmi:Simulator:WebhookBaseUrl</c> are required.
    /// <paramref name="configure"/> may change the builder before the host is built (tests add settings and loggers).
    /// </summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(StandInHost).Assembly.GetName().Name });
        // Defaults in place of a settings file, under every other source (the environment and the command line win).
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietFramework });
        configure?.Invoke(builder);
        if (new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }.All(k => string.IsNullOrEmpty(builder.Configuration[k])))
            builder.WebHost.UseUrls(DefaultUrl);
        return Build(builder, hostingService: null);
    }

    /// <summary>
    /// The stand-in inside another process (the API in Development): only <paramref name="settings"/> (the same
    /// <c>TeleCmi:*</c> keys), a loopback port picked at start, its log lines written through <paramref name="logs"/>,
    /// webhooks posted to <paramref name="hostingService"/> unless <c>TeleCmi:Simulator:WebhookBaseUrl</c> says otherwise.
    /// It leaves Ctrl+C and SIGTERM to its host, which stops it.
    /// </summary>
    public static WebApplication CreateEmbedded(IEnumerable<KeyValuePair<string, string?>> settings, ILoggerFactory logs, Func<Uri> hostingService)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(StandInHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Not the hosting process's settings files and variables (its ASPNETCORE_URLS would be this host's port too).
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddProvider(new ForwardingLoggerProvider(logs));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        return Build(builder, hostingService);
    }

    /// <summary>The address the started stand-in listens on (the port picked when it was 0), ending in <c>/</c>.</summary>
    public static Uri AddressOf(WebApplication standIn)
    {
        var addresses = standIn.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The TeleCMI stand-in is not listening (not started yet).");
        var binding = BindingAddress.Parse(address);
        var host = binding.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" ? "localhost" : binding.Host;
        return new UriBuilder(binding.Scheme, host, binding.Port, "/").Uri;
    }

    private static readonly Dictionary<string, string?> QuietFramework = new() { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" };

    private static WebApplication Build(WebApplicationBuilder builder, Func<Uri>? hostingService)
    {
        builder.Services.AddTeleCmiStandIn(builder.Configuration, hostingService);
        var app = builder.Build();
        app.MapTeleCmiStandIn();
        return app;
    }
}
