using Microsoft.Extensions.Options;

namespace TeleCmi.StandIn;

/// <summary>
/// Where the stand-in posts its webhooks: <see cref="StandInOptions.WebhookBaseUrl"/> when set, else the address of the
/// service hosting it (inside the API in Development, which only knows its own address once it listens).
/// </summary>
public sealed class StandInWebhookTarget(IOptionsMonitor<StandInOptions> options, Func<Uri>? hostingService)
{
    /// <summary>The service's base URL, ending in <c>/</c>.</summary>
    public Uri Get()
    {
        if (options.CurrentValue.WebhookBaseUrl is { Length: > 0 } configured)
            return new Uri(configured.EndsWith('/') ? configured : configured + "/");
        return hostingService?.Invoke()
            ?? throw new InvalidOperationException("TeleCmi:Simulator:WebhookBaseUrl is not set: the stand-in does not know where to post its webhooks.");
    }
}
