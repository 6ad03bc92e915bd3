using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Application.Retention;

/// <summary>
/// The time-based part of retention, one small batch per call, oldest first. Each batch commits on its own, so a run
/// stopped half-way resumes where it was: what is done no longer matches the selection (idempotent).
/// </summary>
public sealed class RetentionSweep(IAppDbContext db, TimeProvider clock, IOptions<RetentionOptions> options)
{
    private RetentionOptions Options => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Clears the recording of calls older than <see cref="RetentionOptions.RecordingDays"/>. Returns the calls changed.</summary>
    public async Task<int> RemoveExpiredRecordingsAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var cutoff = now.AddDays(-Options.RecordingDays);
        var calls = await db.CallLogs
            .Where(c => c.RecordingRemovedAt == null && c.CreatedAt < cutoff)
            .OrderBy(c => c.CreatedAt).Take(Options.BatchSize).ToListAsync(cancellationToken);
        foreach (var call in calls) call.RemoveRecording(now);
        return await SaveAsync(calls.Count, cancellationToken);
    }

    /// <summary>Masks the driver's phone and name on calls older than <see cref="RetentionOptions.PersonalDataDays"/>.</summary>
    public async Task<int> RemoveExpiredPersonalDataAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var cutoff = now.AddDays(-Options.PersonalDataDays);
        var calls = await db.CallLogs
            .Where(c => c.PersonalDataRemovedAt == null && c.CreatedAt < cutoff)
            .OrderBy(c => c.CreatedAt).Take(Options.BatchSize).ToListAsync(cancellationToken);
        foreach (var call in calls) call.RemovePersonalData(now);
        return await SaveAsync(calls.Count, cancellationToken);
    }

    /// <summary>
    /// Deletes settled raw deliveries older than <see cref="RetentionOptions.WebhookDeliveryDays"/>, and any delivery
    /// (unmatched, never processed) older than twice that. Returns the rows deleted.
    /// </summary>
    public async Task<int> DeleteExpiredWebhookDeliveriesAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var settledCutoff = now.AddDays(-Options.WebhookDeliveryDays);
        var anyCutoff = now.AddDays(-2 * Options.WebhookDeliveryDays);
        // Ids first, then delete by id: MySQL/MariaDB do not take LIMIT inside an IN subquery.
        var ids = await db.WebhookDeliveries
            .Where(d => d.ReceivedAt < settledCutoff && (d.Match == WebhookMatch.Applied || d.Match == WebhookMatch.NoChange || d.Match == WebhookMatch.Ignored
                || d.ReceivedAt < anyCutoff))
            .OrderBy(d => d.ReceivedAt).Select(d => d.Id).Take(Options.BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0) return 0;
        return await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<int> SaveAsync(int count, CancellationToken cancellationToken)
    {
        if (count == 0) return 0;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return count;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A webhook changed one of these calls at the same moment: nothing of this batch was saved; the next batch
            // selects the same calls again.
            db.ClearTracked();
            return 0;
        }
        finally
        {
            db.ClearTracked();
        }
    }
}
