using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.StreamCallEvents;
using TeleCmi.Infrastructure.Jobs;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.Infrastructure.Streaming;

/// <summary>
/// Deletes <c>call_changes</c> rows older than <see cref="StreamingOptions.RetentionMinutes"/>, oldest first, in small
/// batches (short locks beside the webhooks' inserts). Safe on several instances: deleting twice is harmless.
/// </summary>
public sealed class CallChangePrune(AppDbContext db, TimeProvider clock, IOptions<StreamingOptions> options) : IPeriodicJob
{
    /// <summary>How often the job runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public const int BatchSize = 1000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.RetentionMinutes);
        for (var batch = 0; batch < 100; batch++)
        {
            var upTo = await db.CallChanges.Where(c => c.ChangedAt < before).OrderBy(c => c.Id).Take(BatchSize)
                .Select(c => (long?)c.Id).MaxAsync(cancellationToken);
            if (upTo is null) return;
            var deleted = await db.CallChanges.Where(c => c.Id <= upTo && c.ChangedAt < before).ExecuteDeleteAsync(cancellationToken);
            if (deleted < BatchSize) return;
        }
    }
}
