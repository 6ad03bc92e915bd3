using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Webhooks.Common;
using TeleCmi.Infrastructure.Configuration;
using TeleCmi.Infrastructure.Identity;
using TeleCmi.Infrastructure.Idempotency;
using TeleCmi.Infrastructure.Jobs;
using TeleCmi.Infrastructure.Jobs.Leases;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.Infrastructure.Persistence.Availability;
using TeleCmi.Infrastructure.Secrets;
using TeleCmi.Infrastructure.Seeding;
using TeleCmi.Infrastructure.Streaming;
using TeleCmi.Infrastructure.Telephony;
using TeleCmi.Infrastructure.Webhooks;

namespace TeleCmi.Infrastructure;

/// <summary>Registers persistence, identity helpers, the TeleCMI gateway and the background jobs.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConnectionStringOptions>().Bind(configuration.GetSection(ConnectionStringOptions.SectionName))
            .Validate<IOptions<DatabaseOptions>>((c, database) => database.Value.Provider != DatabaseProvider.MySql || !string.IsNullOrWhiteSpace(c.Default),
                "Database:Provider is MySql but ConnectionStrings:Default (env ConnectionStrings__Default) is not set.")
            .ValidateOnStart();
        services.AddOptions<BootstrapAdminOptions>().Bind(configuration.GetSection(BootstrapAdminOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddApplicationOptions(configuration);

        // Pooled: a request reuses a reset context instead of building one (and its internal services) anew.
        // AppDbContext holds no per-request state of its own, which pooling requires.
        services.AddSingleton<StaleRollupDayInterceptor>();
        services.AddSingleton<DatabaseAvailability>();
        services.AddSingleton<DatabaseAvailabilityInterceptor>();
        services.AddSingleton<CallChangeSignal>();
        services.AddSingleton<CallChangeInterceptor>();
        services.AddDbContextPool<AppDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = sp.GetRequiredService<IOptions<ConnectionStringOptions>>().Value.Default;
            if (database.Provider == DatabaseProvider.Sqlite)
                connectionString = DbContextOptionsFactory.ResolveSqlite(
                    string.IsNullOrWhiteSpace(connectionString) ? DbContextOptionsFactory.DefaultSqliteConnectionString : connectionString,
                    environment.ContentRootPath);
            DbContextOptionsFactory.Configure(options, database, connectionString!);
            options.AddInterceptors(sp.GetRequiredService<StaleRollupDayInterceptor>(), sp.GetRequiredService<DatabaseAvailabilityInterceptor>(),
                sp.GetRequiredService<CallChangeInterceptor>());
        }, poolSize: 256);
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IDoNotCallBulkMarks, DoNotCallBulkMarks>();
        services.AddScoped<DatabaseSeeder>();
        services.AddScoped<TeleCmi.Application.Audit.Common.IAuditTrail, TeleCmi.Infrastructure.Audit.DatabaseAuditTrail>();
        services.AddScoped<WebhookApplier>();
        services.AddScoped<IJobLease, DatabaseJobLease>();
        services.AddSingleton<JobLeaseHolder>();
        services.AddSingleton<IWebhookIntake, GroupCommitWebhookIntake>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton<IWebhookAuthenticator, WebhookAuthenticator>();
        services.AddTeleCmiGateway(configuration, environment.EnvironmentName);
        services.AddSecretProtection();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddBackgroundJobs(configuration);
        services.AddCallStreaming();
        return services;
    }
}
