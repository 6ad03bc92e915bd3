using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace TeleCmi.Api.Infrastructure;

/// <summary>Tells the person who started the service where to go.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // The API's own URLs come first; a metrics port (Metrics:Port) is bound after them.
        var first = addresses.FirstOrDefault();
        if (first is null) return;
        var swagger = app.Services.GetRequiredService<IOptions<SwaggerOptions>>().Value.IsServedIn(app.Environment)
            ? $"{first.TrimEnd('/')}/swagger"
            : "off (Swagger:Enabled=true serves it)";
        app.Logger.LogInformation("TeleCmi API is up. Swagger UI: {SwaggerUrl}  Health: {HealthUrl}", swagger, $"{first.TrimEnd('/')}/health/ready");
    }
}
