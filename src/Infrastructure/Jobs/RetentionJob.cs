using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Retention;
using TeleCmi.Infrastructure.Jobs.Leases;

namespace TeleCmi.Infrastructure.Jobs;

/// <summary>
/// Applies <c>Retention</c> once a day (<c>Retention:RunAt</c>, business time): recordings, then personal data on old
/// calls, then raw webhook deliveries, each in batches of <c>Retention:BatchSize</c> with a pause between them. Only
/// the instance holding the <c>retention</c> lease works; the lease is renewed after every batch, so a crashed holder
/// is taken over after <see cref="LeaseDuration"/>, and the next holder resumes where the work stopped.
/// </summary>
public sealed class RetentionJob(
    RetentionSweep sweep, IJobLease lease, JobLeaseHolder holder, IOptions<RetentionOptions> options, TimeProvider clock,
    ILogger<RetentionJob> logger) : IPeriodicJob
{
    public const string LeaseName = "retention";
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    /// <summary>A bound on one run (at the default batch size, 500 × 10,000 rows per step): the next day goes on.</summary>
    public const int MaxBatchesPerStep = 10_000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await lease.TryAcquireAsync(LeaseName, holder.Id, LeaseDuration, cancellationToken))
        {
            logger.LogInformation("Retention: another instance holds the lease; skipped");
            return;
        }
        try
        {
            var recordings = await StepAsync(sweep.RemoveExpiredRecordingsAsync, cancellationToken);
            var calls = await StepAsync(sweep.RemoveExpiredPersonalDataAsync, cancellationToken);
            var deliveries = await StepAsync(sweep.DeleteExpiredWebhookDeliveriesAsync, cancellationToken);
            logger.LogInformation("Retention: {Recordings} recording(s) removed, {Calls} call(s) masked, {Deliveries} webhook delivery(ies) deleted",
                recordings, calls, deliveries);
        }
        finally
        {
            await lease.ReleaseAsync(LeaseName, holder.Id, CancellationToken.None);
        }
    }

    private async Task<int> StepAsync(Func<CancellationToken, Task<int>> batch, CancellationToken cancellationToken)
    {
        var total = 0;
        for (var i = 0; i < MaxBatchesPerStep; i++)
        {
            var done = await batch(cancellationToken);
            total += done;
            if (done < options.Value.BatchSize) break;
            if (!await lease.RenewAsync(LeaseName, holder.Id, LeaseDuration, cancellationToken))
                throw new InvalidOperationException("Retention: the lease was taken over by another instance.");
            if (options.Value.PauseBetweenBatchesMilliseconds > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PauseBetweenBatchesMilliseconds), clock, cancellationToken);
        }
        return total;
    }

    /// <summary>The daily schedule: first at the next <c>RunAt</c> in the business time zone, then every 24 hours.</summary>
    public static PeriodicJobSchedule ScheduleFor(RetentionOptions options, BusinessTimeOptions business, TimeProvider clock)
    {
        if (!options.Enabled || options.RunAtTime is not { } runAt) return PeriodicJobSchedule.Off;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(business.TimeZone is { Length: > 0 } id ? id : BusinessTimeOptions.DefaultTimeZone);
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var next = new DateTimeOffset(local.Date + runAt.ToTimeSpan(), local.Offset);
        if (next <= now) next = next.AddDays(1);
        return new PeriodicJobSchedule(TimeSpan.FromDays(1), next - now);
    }
}
