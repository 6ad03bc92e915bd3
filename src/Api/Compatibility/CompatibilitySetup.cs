namespace TeleCmi.Api.Compatibility;

/// <summary>The seed's routes: their setting, and the middleware that gates them and writes their error envelope.</summary>
public static class CompatibilitySetup
{
    public static IServiceCollection AddSeedRoutes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CompatibilityOptions>().Bind(configuration.GetSection(CompatibilityOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>Outside the Idempotency-Key middleware and the exception handler, so it sees their final answers.</summary>
    public static IApplicationBuilder UseSeedRoutes(this IApplicationBuilder app) => app.UseMiddleware<SeedRoutesMiddleware>();
}
