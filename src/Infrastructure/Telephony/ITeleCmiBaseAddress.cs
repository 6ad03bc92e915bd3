using Microsoft.Extensions.Options;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>Where the gateway sends requests: TeleCMI in Live mode, the built-in stand-in in Simulated mode.</summary>
public interface ITeleCmiBaseAddress
{
    Uri Get();
}

/// <summary>Uses <c>TeleCmi:BaseUrl</c>. The API replaces this in Simulated mode with its own address.</summary>
public sealed class ConfiguredTeleCmiBaseAddress(IOptions<TeleCmiOptions> options) : ITeleCmiBaseAddress
{
    public Uri Get()
    {
        var url = options.Value.BaseUrl;
        if (string.IsNullOrWhiteSpace(url)) url = options.Value.Mode == TeleCmiMode.Live ? "https://rest.telecmi.com" : "http://localhost:5080/simulator/telecmi";
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }
}
