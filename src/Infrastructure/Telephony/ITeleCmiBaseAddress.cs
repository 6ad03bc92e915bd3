using Microsoft.Extensions.Options;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>Where the gateway sends requests: TeleCMI in Live mode, the built-in stand-in in Simulated mode.</summary>
public interface ITeleCmiBaseAddress
{
    /// <summary>The base URL, ending in <c>/</c>. Read each time a client is created, so it may be known late.</summary>
    Uri Get();
}

/// <summary>
/// Uses <c>TeleCmi:BaseUrl</c>, else TeleCMI's public API in Live mode. The API host replaces this in
/// Simulated mode with one that points at its own listening address.
/// </summary>
public sealed class ConfiguredTeleCmiBaseAddress(IOptionsMonitor<TeleCmiOptions> options) : ITeleCmiBaseAddress
{
    /// <inheritdoc />
    public Uri Get()
    {
        var o = options.CurrentValue;
        var url = o.BaseUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            // No guessed localhost port: a wrong guess would send the app secret to whatever listens there.
            url = o.Mode == TeleCmiMode.Live ? TeleCmiOptions.LiveBaseUrl
                : throw new InvalidOperationException("TeleCmi:BaseUrl (env TeleCmi__BaseUrl) is not set and no built-in TeleCMI stand-in is hosted here.");
        }
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }
}
