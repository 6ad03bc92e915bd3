using Microsoft.Extensions.DependencyInjection.Extensions;
using TeleCmi.Infrastructure.Telephony;

namespace TeleCmi.Api.Development;

/// <summary>
/// The API's only tie to the TeleCMI stand-in (src/TeleCmiStandIn): with <c>TeleCmi:Mode=Simulated</c>, which start-up
/// accepts in Development (and test hosts) only, the stand-in runs inside this process on a loopback port of its own.
/// </summary>
public static class InProcessStandInSetup
{
    /// <summary>
    /// Registers the in-process stand-in (started only in Simulated mode) and points the gateway at it. Call after
    /// AddInfrastructure. In Live mode nothing starts and the gateway uses <c>TeleCmi:BaseUrl</c> or TeleCMI itself.
    /// </summary>
    public static IServiceCollection AddInProcessStandIn(this IServiceCollection services)
    {
        services.AddSingleton<ServiceSelfAddress>();
        services.AddSingleton<InProcessStandIn>();
        services.AddHostedService(sp => sp.GetRequiredService<InProcessStandIn>());
        services.Replace(ServiceDescriptor.Singleton<ITeleCmiBaseAddress, StandInBaseAddress>());
        return services;
    }
}
