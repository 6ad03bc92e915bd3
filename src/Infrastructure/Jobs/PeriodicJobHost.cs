using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TeleCmi.Infrastructure.Jobs;

/// <summary>
/// Runs <typeparamref name="TJob"/> on its schedule until the host stops: each run in a fresh DI scope, a failed run
/// logged as one warning without a stack trace (the database may be down) and tried again at the next tick.
/// </summary>
public sealed class PeriodicJobHost<TJob>(PeriodicJobSchedule schedule, IServiceScopeFactory scopes, TimeProvider clock, ILogger<TJob> logger)
    : BackgroundService
    where TJob : IPeriodicJob
{
    /// <summary>When the job runs, as read from its options at start.</summary>
    public PeriodicJobSchedule Schedule => schedule;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!schedule.IsOn) return;
        try
        {
            await Task.Delay(schedule.FirstRunAfter, clock, stoppingToken);
            using var timer = new PeriodicTimer(schedule.Interval, clock);
            do await RunOnceAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The database may be down: the type names the cause, a stack trace would only flood the log every tick.
            // Never the message: a database error may quote a row's values (a phone number).
            logger.LogWarning("{Job} failed, next try in {Interval}: {Error}", typeof(TJob).Name, schedule.Interval,
                ex.GetBaseException() == ex ? ex.GetType().Name : $"{ex.GetType().Name} ({ex.GetBaseException().GetType().Name})");
        }
    }
}
