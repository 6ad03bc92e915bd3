using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TeleCmi.Api.Infrastructure.Observability;

/// <summary>
/// Makes Kestrel listen on <see cref="MetricsOptions.Port"/> as well as on the API's own addresses.
/// </summary>
/// <remarks>
/// Kestrel binds either the URLs (<c>ASPNETCORE_URLS</c>, <c>--urls</c>, <c>ASPNETCORE_HTTP_PORTS</c>) or the endpoints
/// given in code and in <c>Kestrel:Endpoints</c>, never both: a <c>Listen</c> call here would silently drop the API's
/// URLs. So the metrics address joins the URLs; only when the operator uses <c>Kestrel:Endpoints</c> (which Kestrel
/// binds together with endpoints from code) is it added as a code endpoint.
/// </remarks>
public static class MetricsPortBinding
{
    /// <summary>Kestrel's address when nothing is configured.</summary>
    private const string KestrelDefaultUrl = "http://localhost:5000";

    public static void Listen(WebApplicationBuilder builder, MetricsOptions options)
    {
        var port = options.Port!.Value;
        if (builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.ConfigureKestrel(k => Listen(k, options.Host, port));
            return;
        }
        var apiUrls = ApiUrls(builder.WebHost);
        if (apiUrls.Any(url => BindingAddress.Parse(url).Port == port))
            throw new InvalidOperationException(
                $"Metrics:Port (env Metrics__Port) is {port}, the API's own port ({string.Join(", ", apiUrls)}); choose another port, e.g. 9464.");
        builder.WebHost.UseUrls([.. apiUrls, Url(options.Host, port)]);
    }

    /// <summary>The address Prometheus scrapes, as a URL (for the start-up log and for Kestrel).</summary>
    public static string Url(string host, int port) =>
        string.Create(CultureInfo.InvariantCulture, $"http://{(IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host)}:{port}");

    /// <summary>The URLs Kestrel would bind for the API, read the way the host reads them.</summary>
    private static List<string> ApiUrls(IWebHostBuilder host)
    {
        var urls = Split(host.GetSetting(WebHostDefaults.ServerUrlsKey));
        if (urls.Count > 0) return urls;
        urls = [.. Split(host.GetSetting(WebHostDefaults.HttpPortsKey)).Select(p => $"http://*:{p}"),
                .. Split(host.GetSetting(WebHostDefaults.HttpsPortsKey)).Select(p => $"https://*:{p}")];
        return urls.Count > 0 ? urls : [KestrelDefaultUrl];
    }

    private static List<string> Split(string? value) =>
        [.. (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static void Listen(KestrelServerOptions kestrel, string host, int port)
    {
        if (host == "*") kestrel.ListenAnyIP(port);
        else if (host == "localhost") kestrel.ListenLocalhost(port);
        else kestrel.Listen(IPAddress.Parse(host), port);
    }
}
