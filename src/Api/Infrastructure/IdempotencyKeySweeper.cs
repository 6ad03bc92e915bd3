using Microsoft.Extensions.Options;
using TeleCmi.Infrastructure.Idempotency;

namespace TeleCmi.Api.Infrastructure;

/// <summary>Deletes expired idempotency keys now and then. Safe on several instances: deleting twice is harmless.</summary>
public sealed class IdempotencyKeySweeper(IdempotencyStore store, IOptions<IdempotencyOptions> options, ILogger<IdempotencyKeySweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var purged = await store.PurgeExpiredAsync(stoppingToken);
                if (purged > 0) logger.LogInformation("Purged {Count} expired idempotency key(s)", purged);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down; the next tick tries again.
                logger.LogWarning("Idempotency-key purge failed: {Error}", ex.GetType().Name);
            }
        }
    }
}
