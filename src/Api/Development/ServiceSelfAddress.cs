using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TeleCmi.Api.Development;

/// <summary>
/// The service's own base URL, read from the server's listening addresses once it listens. A wildcard
/// host (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) cannot be dialled, so it becomes <c>localhost</c>.
/// </summary>
public sealed class ServiceSelfAddress(IServer server)
{
    private Uri? known;

    /// <summary>The base URL, ending in <c>/</c>; throws while the server is not listening yet.</summary>
    public Uri Get()
    {
        if (known is not null) return known;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // Plain http first: a self-call over https would need the development certificate to be trusted.
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException(
                "The service's own address is not known (the server is not listening yet, or has no addresses).");
        var binding = BindingAddress.Parse(address);
        var host = binding.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" ? "localhost" : binding.Host;
        known = new UriBuilder(binding.Scheme, host, binding.Port, binding.PathBase.TrimEnd('/') + "/").Uri;
        return known;
    }
}
