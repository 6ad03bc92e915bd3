using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.RateLimiting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using TeleCmi.Application.Common.Observability;

namespace TeleCmi.Api.Infrastructure.Observability;

/// <summary>Logs (JSON console outside Development) and metrics (OpenTelemetry, scraped by Prometheus).</summary>
public static class ObservabilitySetup
{
    /// <summary>The switch for the JSON console: <c>Logging:Json</c>; by default on everywhere except Development.</summary>
    public const string JsonLoggingSetting = "Logging:Json";

    /// <summary>Whether the console writes one JSON object per line (with scopes) rather than the readable simple format.</summary>
    public static bool UsesJsonConsole(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(JsonLoggingSetting) ?? !environment.IsDevelopment();

    public static WebApplicationBuilder AddTeleCmiLogging(this WebApplicationBuilder builder)
    {
        if (UsesJsonConsole(builder.Configuration, builder.Environment))
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true; // the CorrelationId scope, and ASP.NET Core's RequestId/RequestPath/TraceId
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                // Readable '+' and non-ASCII names; quotes and control characters are still escaped, so a value cannot break a line.
                o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        return builder;
    }

    public static IServiceCollection AddTeleCmiMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        if (!(configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions()).Enabled) return services;

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("telecmi-api"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TeleCmiMetrics.MeterName)
                .AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps the scraping endpoint when metrics are on: anonymous, not rate-limited, not in Swagger.</summary>
    public static WebApplication MapTeleCmiMetrics(this WebApplication app)
    {
        var options = app.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled) return app;
        app.MapPrometheusScrapingEndpoint(options.Path)
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();
        return app;
    }
}
