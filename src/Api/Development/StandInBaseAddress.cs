using Microsoft.Extensions.Options;
using TeleCmi.Infrastructure.Telephony;

namespace TeleCmi.Api.Development;

/// <summary>
/// In Simulated mode with no <c>TeleCmi:BaseUrl</c>, the gateway calls the in-process stand-in over real HTTP, on its
/// own loopback port. Otherwise the configured address (or TeleCMI's) is used.
/// </summary>
public sealed class StandInBaseAddress(IOptionsMonitor<TeleCmiOptions> options, InProcessStandIn standIn) : ITeleCmiBaseAddress
{
    private readonly ConfiguredTeleCmiBaseAddress configured = new(options);

    /// <inheritdoc />
    public Uri Get() =>
        options.CurrentValue.Mode == TeleCmiMode.Simulated && string.IsNullOrWhiteSpace(options.CurrentValue.BaseUrl)
            ? standIn.Address
            : configured.Get();
}
