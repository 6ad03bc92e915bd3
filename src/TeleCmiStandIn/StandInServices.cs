using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TeleCmi.StandIn;

/// <summary>Registers the stand-in's services.</summary>
public static class StandInServices
{
    /// <summary>
    /// Binds and validates the stand-in's settings (at start, naming the setting) and registers what plays the calls.
    /// <paramref name="hostingService"/>: the address of the service hosting the stand-in, used when
    /// <c>TeleCmi:Simulator:WebhookBaseUrl</c> is empty; null when the stand-in runs alone, where that setting is required.
    /// </summary>
    public static IServiceCollection AddTeleCmiStandIn(this IServiceCollection services, IConfiguration configuration, Func<Uri>? hostingService)
    {
        var simulator = services.AddOptions<StandInOptions>().Bind(configuration.GetSection(StandInOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidWebhookBaseUrl(), "TeleCmi:Simulator:WebhookBaseUrl (env TeleCmi__Simulator__WebhookBaseUrl) must be empty or an absolute http(s) URL.");
        if (hostingService is null)
            simulator.Validate(o => !string.IsNullOrEmpty(o.WebhookBaseUrl),
                "TeleCmi:Simulator:WebhookBaseUrl (env TeleCmi__Simulator__WebhookBaseUrl) is required when the stand-in runs alone: the service's base URL, e.g. http://localhost:5080/.");
        simulator.ValidateOnStart();
        services.AddOptions<StandInAccountOptions>().Bind(configuration.GetSection(StandInAccountOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrEmpty(o.AppSecret), "TeleCmi:AppSecret (env TeleCmi__AppSecret) is required: the app secret the service presents.")
            .Validate(o => !string.IsNullOrEmpty(o.WebhookToken), "TeleCmi:WebhookToken (env TeleCmi__WebhookToken) is required: the token the service expects on its webhooks.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StandInWebhookTarget(sp.GetRequiredService<IOptionsMonitor<StandInOptions>>(), hostingService));
        services.AddSingleton<SimulatedTeleCmi>();
        services.AddSingleton<SimulatorRecordings>();
        services.AddSingleton<SimulatorCallQueue>();
        services.AddSingleton<SimulatedUsers>();
        services.AddSingleton<SimulatorLiveCalls>();
        services.AddSingleton<SimulatorCallRecords>();
        services.AddHostedService<SimulatedCallRunner>();
        services.AddHttpClient(SimulatedCallRunner.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
