using Microsoft.Extensions.Options;
using TeleCmi.Infrastructure.Telephony;

namespace TeleCmi.Api.Simulator;

/// <summary>
/// In Simulated mode with no <c>TeleCmi:BaseUrl</c>, the gateway calls the stand-in in this same process,
/// over real HTTP, at <c>{own address}/simulator/telecmi/</c>. Otherwise the configured address is used.
/// </summary>
public sealed class SimulatorBaseAddress(IOptionsMonitor<TeleCmiOptions> options, ServiceSelfAddress self) : ITeleCmiBaseAddress
{
    private readonly ConfiguredTeleCmiBaseAddress configured = new(options);

    /// <inheritdoc />
    public Uri Get() =>
        options.CurrentValue.Mode == TeleCmiMode.Simulated && string.IsNullOrWhiteSpace(options.CurrentValue.BaseUrl)
            ? new Uri(self.Get(), "simulator/telecmi/")
            : configured.Get();
}
