using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TeleCmi.Infrastructure.Jobs;

/// <summary>Adds a periodic job: the job itself (scoped, one per run) and its <see cref="PeriodicJobHost{TJob}"/>.</summary>
public static class PeriodicJobRegistration
{
    /// <param name="schedule">Read once at start, typically from validated options.</param>
    public static IServiceCollection AddPeriodicJob<TJob>(this IServiceCollection services, Func<IServiceProvider, PeriodicJobSchedule> schedule)
        where TJob : class, IPeriodicJob
    {
        services.AddScoped<TJob>();
        services.AddHostedService(sp => new PeriodicJobHost<TJob>(
            schedule(sp), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TJob>>()));
        return services;
    }
}
