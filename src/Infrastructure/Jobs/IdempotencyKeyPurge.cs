using Microsoft.Extensions.Logging;
using TeleCmi.Infrastructure.Idempotency;

namespace TeleCmi.Infrastructure.Jobs;

/// <summary>
/// Deletes expired idempotency keys every <c>Idempotency:PurgeIntervalMinutes</c>. Safe on several instances: deleting
/// twice is harmless.
/// </summary>
public sealed class IdempotencyKeyPurge(IdempotencyStore store, ILogger<IdempotencyKeyPurge> logger) : IPeriodicJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var purged = await store.PurgeExpiredAsync(cancellationToken);
        if (purged > 0) logger.LogInformation("Purged {Count} expired idempotency key(s)", purged);
    }
}
