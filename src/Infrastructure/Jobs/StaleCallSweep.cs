using Mediator;
using TeleCmi.Application.Calls.FinaliseStaleCalls;

namespace TeleCmi.Infrastructure.Jobs;

/// <summary>
/// Sends <see cref="FinaliseStaleCallsCommand"/> every <c>Calls:SweepIntervalSeconds</c>. Safe on several instances: the
/// change is idempotent.
/// </summary>
public sealed class StaleCallSweep(IMediator mediator) : IPeriodicJob
{
    public async Task RunAsync(CancellationToken cancellationToken) => await mediator.Send(new FinaliseStaleCallsCommand(), cancellationToken);
}
