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

    /// <summary>
    /// Metrics (OpenTelemetry, Prometheus exporter) when <see cref="MetricsOptions"/> puts them somewhere; with
    /// <see cref="MetricsOptions.Port"/>, Kestrel listens on that port too.
    /// </summary>
    public static WebApplicationBuilder AddTeleCmiMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var options = ReadOptions(builder.Configuration);
        var exposure = options.ExposureIn(builder.Environment);
        if (exposure == MetricsExposure.Off) return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("telecmi-api"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TeleCmiMetrics.MeterName)
                .AddPrometheusExporter());
        if (exposure == MetricsExposure.OwnPort) MetricsPortBinding.Listen(builder, options);
        return builder;
    }

    /// <summary>
    /// With <see cref="MetricsOptions.Port"/>: that port answers the metrics path and nothing else, and the metrics path
    /// answers 404 on every other port. Decided by the port the connection came in on, not by the Host header, which
    /// the client chooses.
    /// </summary>
    public static WebApplication UseTeleCmiMetricsPort(this WebApplication app)
    {
        var options = ReadOptions(app.Configuration);
        if (options.ExposureIn(app.Environment) != MetricsExposure.OwnPort) return app;
        var port = options.Port!.Value;
        app.Use((context, next) =>
        {
            var onMetricsPort = context.Connection.LocalPort == port;
            var forMetrics = context.Request.Path.Equals(options.Path, StringComparison.OrdinalIgnoreCase);
            if (onMetricsPort == forMetrics) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    /// <summary>Maps the scraping endpoint when metrics are on: anonymous, not rate-limited, not in Swagger.</summary>
    public static WebApplication MapTeleCmiMetrics(this WebApplication app)
    {
        var options = ReadOptions(app.Configuration);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TeleCmi.Api.Metrics");
        switch (options.ExposureIn(app.Environment))
        {
            case MetricsExposure.Off when options.Enabled:
                logger.LogInformation(
                    "Metrics are off: outside Development {Path} is served only on a port of its own. To turn them on, set Metrics:Port " +
                    "(env Metrics__Port, e.g. 9464) and, for a Prometheus on another host, Metrics:Host (env Metrics__Host, default 127.0.0.1; * for every interface).",
                    options.Path);
                return app;
            case MetricsExposure.Off:
                return app;
            case MetricsExposure.OwnPort:
                logger.LogInformation("Metrics are served at {MetricsUrl}{Path} only", MetricsPortBinding.Url(options.Host, options.Port!.Value), options.Path);
                break;
        }
        app.MapPrometheusScrapingEndpoint(options.Path)
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();
        return app;
    }

    private static MetricsOptions ReadOptions(IConfiguration configuration) =>
        configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
}
