using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TeleCmi.Api.Infrastructure;

/// <summary>Tells the person who started the service where to go.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault();
        if (first is null) return;
        app.Logger.LogInformation("TeleCmi API is up. Swagger UI: {SwaggerUrl}  Health: {HealthUrl}",
            $"{first.TrimEnd('/')}/swagger", $"{first.TrimEnd('/')}/health/ready");
    }
}
