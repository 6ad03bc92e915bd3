using System.Linq.Expressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Observability;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;

namespace TeleCmi.Application.Calls.ReconcileCalls;

/// <summary>
/// Looks TeleCMI calls that are not final <c>Reconciliation:AfterMinutes</c> after they started up in TeleCMI's call
/// records and applies what it finds through <see cref="CallLog.Apply"/>, as webhooks are; a call TeleCMI still has no
/// record of after <c>Reconciliation:GiveUpAfterMinutes</c>, and that no webhook ever told of, becomes <c>not_placed</c>.
/// A failed or rate-limited request changes nothing: its calls are looked up again next run. Run by a background job
/// that holds the <c>reconciliation</c> lease, not by users.
/// </summary>
public sealed record ReconcileCallsCommand : ICommand<ReconciliationRun>, IManagesOwnTransaction;

/// <summary>What one run did: calls looked at, changed from records, made not placed; pages fetched and failed.</summary>
public sealed record ReconciliationRun(int Looked, int Applied, int NotPlaced, int Requests, int FailedRequests);

public sealed class ReconcileCallsHandler(
    IAppDbContext db, ITeleCmiCallRecords records, TimeProvider clock, IOptions<ReconciliationOptions> options, TeleCmiMetrics metrics,
    ILogger<ReconcileCallsHandler> logger) : ICommandHandler<ReconcileCallsCommand, ReconciliationRun>
{
    // Calls within this span of each other share one time range of record pages.
    private static readonly TimeSpan ClusterSpan = TimeSpan.FromMinutes(15);

    private static readonly Expression<Func<CallLog, bool>> NotFinal =
        Expression.Lambda<Func<CallLog, bool>>(Expression.Not(CallFinality.IsFinal.Body), CallFinality.IsFinal.Parameters);

    /// <summary>Requests made and failed in one run (the per-run budget).</summary>
    private sealed class Tally
    {
        public int Requests;
        public int Failed;
    }

    public async ValueTask<ReconciliationRun> Handle(ReconcileCallsCommand command, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.CallLogs.AsNoTracking()
            .Where(c => c.Provider == CallProvider.TeleCmi && c.CreatedAt <= now.AddMinutes(-o.AfterMinutes) && c.CreatedAt >= now.AddHours(-o.LookbackHours))
            .Where(NotFinal)
            .OrderBy(c => c.CreatedAt)
            .Take(o.MaxCallsPerRun)
            .Join(db.Agents.AsNoTracking(), c => c.AgentId, a => a.Id, (c, a) => new { c.Id, c.CreatedAt, a.TeleCmiUserId })
            .ToListAsync(cancellationToken);

        var tally = new Tally();
        var applied = 0;
        var notPlaced = 0;
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var window = TimeSpan.FromSeconds(o.MatchWindowSeconds);
        foreach (var cluster in Clusters(candidates.Select(c => (c.Id, c.CreatedAt, c.TeleCmiUserId)).ToList()))
        {
            var from = cluster[0].CreatedAt - window;
            var to = cluster[^1].CreatedAt + window;
            var found = await FetchAllAsync(from, to, tally, cancellationToken);
            if (found is null)
            {
                // Nothing is concluded from a failed fetch: these calls and the rest wait for the next run.
                break;
            }
            foreach (var (id, createdAt, userId) in cluster)
            {
                db.ClearTracked();
                var call = await db.CallLogs.FirstAsync(c => c.Id == id, cancellationToken);
                if (CallRecordMatcher.Match(call, userId, found, window, claimed) is { } record)
                {
                    if (record.RecordId is not null) claimed.Add(record.RecordId);
                    var changed = false;
                    await db.ChangeAsync(call, c =>
                    {
                        var at = clock.GetUtcNow().UtcDateTime;
                        changed = CallRecordFacts.For(record).Aggregate(false, (any, signal) => c.Apply(signal, at) | any);
                    }, cancellationToken);
                    metrics.CallReconciled(changed ? TeleCmiMetrics.ReconciliationResults.Applied : TeleCmiMetrics.ReconciliationResults.NoChange);
                    if (changed) applied++;
                    logger.LogInformation("Reconciliation: call {CallId} to {Phone} matched TeleCMI's {Kind} record; {Result}",
                        id, PhoneNumber.Mask(call.DriverPhone), record.Kind, changed ? $"now {call.Status}" : "nothing new");
                }
                else if (createdAt <= now.AddMinutes(-o.GiveUpAfterMinutes))
                {
                    var closed = false;
                    await db.ChangeAsync(call, c => closed = c.MarkNeverPlaced(
                        $"TeleCMI has no record of this call {o.GiveUpAfterMinutes:0.##} minutes after it started, and no webhook came.",
                        clock.GetUtcNow().UtcDateTime), cancellationToken);
                    metrics.CallReconciled(closed ? TeleCmiMetrics.ReconciliationResults.NotPlaced : TeleCmiMetrics.ReconciliationResults.Unrecorded);
                    if (closed) notPlaced++;
                    logger.LogInformation("Reconciliation: TeleCMI has no record of call {CallId} to {Phone}; {Result}",
                        id, PhoneNumber.Mask(call.DriverPhone), closed ? "marked not placed" : "a leg was seen, left as it is");
                }
                else metrics.CallReconciled(TeleCmiMetrics.ReconciliationResults.NotFound);
            }
        }
        return new ReconciliationRun(candidates.Count, applied, notPlaced, tally.Requests, tally.Failed);
    }

    /// <summary>Both record lists for the range, every page; null when a request failed or the run's budget ran out.</summary>
    private async Task<List<CallRecord>?> FetchAllAsync(DateTime from, DateTime to, Tally tally, CancellationToken ct)
    {
        var o = options.Value;
        var all = new List<CallRecord>();
        foreach (var kind in new[] { CallRecordKind.Answered, CallRecordKind.Missed })
        {
            for (var page = 1; ; page++)
            {
                if (tally.Requests >= o.MaxRequestsPerRun) return null;
                if (tally.Requests > 0 && o.RequestSpacingMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(o.RequestSpacingMs), clock, ct);
                tally.Requests++;
                var answer = await records.ListAsync(kind, from, to, page, Math.Clamp(o.PageSize, 1, ITeleCmiCallRecords.MaxPageSize), ct);
                if (answer is CallRecordsPage.Failed f)
                {
                    tally.Failed++;
                    metrics.CallRecordsRequest(f.RateLimited ? "rate_limited" : "failed");
                    logger.LogWarning("Reconciliation: TeleCMI's {Kind} call records could not be read ({Reason}); trying again next run", kind, f.Reason);
                    return null;
                }
                var found = (CallRecordsPage.Found)answer;
                metrics.CallRecordsRequest("ok");
                all.AddRange(found.Records);
                if (found.Records.Count == 0 || page * o.PageSize >= found.Total) break;
            }
        }
        return all;
    }

    private static IEnumerable<List<(string Id, DateTime CreatedAt, string? UserId)>> Clusters(List<(string Id, DateTime CreatedAt, string? UserId)> calls)
    {
        var cluster = new List<(string, DateTime, string?)>();
        foreach (var call in calls)
        {
            if (cluster.Count > 0 && call.CreatedAt - cluster[0].Item2 > ClusterSpan)
            {
                yield return cluster;
                cluster = [];
            }
            cluster.Add(call);
        }
        if (cluster.Count > 0) yield return cluster;
    }
}
