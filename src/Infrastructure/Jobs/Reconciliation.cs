using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.ReconcileCalls;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Infrastructure.Jobs.Leases;

namespace TeleCmi.Infrastructure.Jobs;

/// <summary>
/// Sends <see cref="ReconcileCallsCommand"/> every <c>Reconciliation:IntervalSeconds</c>, on one instance at a time: the
/// instance holding the <c>reconciliation</c> lease (<see cref="IJobLease"/>) runs it and keeps the lease run after run;
/// the others skip. If the holder stops, its lease expires and another instance takes over.
/// </summary>
public sealed class Reconciliation(IMediator mediator, IJobLease lease, JobLeaseHolder holder, IOptions<ReconciliationOptions> options,
    ILogger<Reconciliation> logger) : IPeriodicJob
{
    /// <summary>The lease's name in <c>job_leases</c>.</summary>
    public const string LeaseName = "reconciliation";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await lease.TryAcquireAsync(LeaseName, holder.Id, LeaseDuration(options.Value), cancellationToken))
        {
            logger.LogDebug("Reconciliation: another instance holds the lease");
            return;
        }
        var run = await mediator.Send(new ReconcileCallsCommand(), cancellationToken);
        if (run.Looked > 0)
            logger.LogInformation("Reconciliation: {Looked} call(s) looked up, {Applied} changed from TeleCMI's records, {NotPlaced} marked not placed, "
                                  + "{Requests} request(s), {Failed} failed", run.Looked, run.Applied, run.NotPlaced, run.Requests, run.FailedRequests);
    }

    /// <summary>Long enough to cover a whole run (every request, paced) and then some, so two instances never overlap.</summary>
    public static TimeSpan LeaseDuration(ReconciliationOptions o) =>
        TimeSpan.FromSeconds(Math.Max(3 * o.IntervalSeconds, o.MaxRequestsPerRun * (o.RequestSpacingMs / 1000.0 + 30) + 60));
}
