using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.ReconcileCalls;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Reports.Common;
using TeleCmi.Application.Retention;
using TeleCmi.Infrastructure.Idempotency;

namespace TeleCmi.Infrastructure.Jobs;

/// <summary>The service's background jobs, each on a schedule read from validated options.</summary>
public static class BackgroundJobs
{
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaleCallSweepOptions>().Bind(configuration.GetSection(StaleCallSweepOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddPeriodicJob<StaleCallSweep>(sp =>
            PeriodicJobSchedule.Every(TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<StaleCallSweepOptions>>().Value.SweepIntervalSeconds)));
        services.AddPeriodicJob<IdempotencyKeyPurge>(sp =>
            PeriodicJobSchedule.Every(TimeSpan.FromMinutes(sp.GetRequiredService<IOptions<IdempotencyOptions>>().Value.PurgeIntervalMinutes)));
        services.AddPeriodicJob<Reconciliation>(sp =>
        {
            var reconciliation = sp.GetRequiredService<IOptions<ReconciliationOptions>>().Value;
            return reconciliation.Enabled ? PeriodicJobSchedule.Every(TimeSpan.FromSeconds(reconciliation.IntervalSeconds)) : PeriodicJobSchedule.Off;
        });
        services.AddPeriodicJob<RevokedTokenPurge>(_ => PeriodicJobSchedule.Every(RevokedTokenPurge.Interval));
        services.AddPeriodicJob<ReportRollupRefresh>(sp =>
        {
            var rollup = sp.GetRequiredService<IOptions<ReportRollupOptions>>().Value;
            return rollup.Enabled && rollup.RefreshMinutes > 0
                ? new PeriodicJobSchedule(TimeSpan.FromMinutes(rollup.RefreshMinutes), ReportRollupRefresh.FirstRunAfter)
                : PeriodicJobSchedule.Off;
        });
        services.AddScoped<RetentionSweep>();
        services.AddPeriodicJob<RetentionJob>(sp =>
            RetentionJob.ScheduleFor(sp.GetRequiredService<IOptions<RetentionOptions>>().Value,
                sp.GetRequiredService<IOptions<BusinessTimeOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
