using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Reports;
using TeleCmi.Application.Webhooks;
using TeleCmi.Infrastructure.Identity;
using TeleCmi.Infrastructure.Idempotency;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.Infrastructure.Persistence.Availability;
using TeleCmi.Infrastructure.Seeding;
using TeleCmi.Infrastructure.Telephony;

namespace TeleCmi.Infrastructure;

/// <summary>Registers persistence, identity helpers, and the TeleCMI gateway.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapAdminOptions>().Bind(configuration.GetSection(BootstrapAdminOptions.SectionName));
        services.AddOptions<CallPolicyOptions>().Bind(configuration.GetSection(CallPolicyOptions.SectionName))
            .PostConfigure(o => o.BusinessTimeZone = configuration["Reporting:TimeZone"] is { Length: > 0 } zone ? zone : o.BusinessTimeZone)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.BusinessTimeZone, out _), "Reporting:TimeZone (env Reporting__TimeZone) is not a known time zone id, e.g. Asia/Kolkata.")
            .ValidateOnStart();
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default");
        if (database.Provider == DatabaseProvider.Sqlite)
            connectionString = DbContextOptionsFactory.ResolveSqlite(connectionString ?? DbContextOptionsFactory.DefaultSqliteConnectionString, environment.ContentRootPath);
        else if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Database:Provider is MySql but ConnectionStrings:Default (env ConnectionStrings__Default) is not set.");

        // Pooled: a request reuses a reset context instead of building one (and its internal services) anew.
        // AppDbContext holds no per-request state of its own, which pooling requires.
        services.AddOptions<ReportRollupOptions>().Bind(configuration.GetSection(ReportRollupOptions.SectionName));
        services.AddSingleton<StaleRollupDayInterceptor>();
        services.AddSingleton<DatabaseAvailability>();
        services.AddSingleton<DatabaseAvailabilityInterceptor>();
        services.AddDbContextPool<AppDbContext>((sp, options) =>
        {
            DbContextOptionsFactory.Configure(options, database, connectionString!);
            options.AddInterceptors(sp.GetRequiredService<StaleRollupDayInterceptor>(), sp.GetRequiredService<DatabaseAvailabilityInterceptor>());
        }, poolSize: 256);
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<DatabaseSeeder>();
        services.AddScoped<WebhookApplier>();
        services.AddOptions<WebhookIntakeOptions>().Bind(configuration.GetSection(WebhookIntakeOptions.SectionName));
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton<IWebhookAuthenticator, WebhookAuthenticator>();
        services.AddTeleCmiGateway(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }
}
