using Mediator;
using TeleCmi.Application.Calls.FinaliseStaleCalls;

namespace TeleCmi.Api.Infrastructure;

/// <summary>Runs <see cref="FinaliseStaleCallsCommand"/> every minute. Safe on several instances: the change is idempotent.</summary>
public sealed class StaleCallSweeper(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<StaleCallSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Calls:SweepIntervalSeconds", 60)));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FinaliseStaleCallsCommand(), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down; the next tick tries again.
                logger.LogWarning("Stale-call sweep failed: {Error}", ex.GetType().Name);
            }
        }
    }
}
