using Microsoft.Extensions.DependencyInjection.Extensions;
using TeleCmi.Api.Simulator;
using TeleCmi.Infrastructure.Telephony;

// In the namespace of the API's other setup extensions, so Program.cs needs no extra using for it.
namespace TeleCmi.Api.Infrastructure;

/// <summary>Registers the built-in TeleCMI stand-in (see src/Api/Simulator/README.md).</summary>
public static class SimulatorSetup
{
    /// <summary>
    /// Adds the stand-in's services and points the gateway at this process in Simulated mode. Call after
    /// AddInfrastructure. The controllers always exist but answer 404 unless TeleCmi:Mode is Simulated.
    /// </summary>
    public static IServiceCollection AddTeleCmiSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeleCmiSimulatorOptions>().Bind(configuration.GetSection(TeleCmiSimulatorOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidWebhookBaseUrl(), "TeleCmi:Simulator:WebhookBaseUrl must be empty or an absolute http(s) URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServiceSelfAddress>();
        services.Replace(ServiceDescriptor.Singleton<ITeleCmiBaseAddress, SimulatorBaseAddress>());
        services.AddSingleton<SimulatedTeleCmi>();
        services.AddSingleton<SimulatorRecordings>();
        services.AddSingleton<SimulatorCallQueue>();
        services.AddHostedService<SimulatedCallRunner>();
        services.AddHttpClient(SimulatedCallRunner.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
