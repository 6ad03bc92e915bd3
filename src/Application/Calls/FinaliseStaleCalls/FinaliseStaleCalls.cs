using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.FinaliseStaleCalls;

/// <summary>
/// Marks TeleCMI calls that got no final webhook in time as <c>unknown</c>, so no list shows a call
/// ringing forever. A late CDR still completes them. Run by a background job, not by users.
/// </summary>
public sealed record FinaliseStaleCallsCommand : ICommand<int>, IManagesOwnTransaction;

public sealed class FinaliseStaleCallsHandler(IAppDbContext db, TimeProvider clock, IOptions<CallPolicyOptions> policy, ILogger<FinaliseStaleCallsHandler> logger)
    : ICommandHandler<FinaliseStaleCallsCommand, int>
{
    private const int BatchSize = 200;

    public async ValueTask<int> Handle(FinaliseStaleCallsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var minutes = policy.Value.StaleAfterMinutes;
        var cutoff = now.AddMinutes(-minutes);
        var ids = await db.CallLogs.AsNoTracking()
            .Where(c => c.Provider == CallProvider.TeleCmi && !c.IsStale && c.CreatedAt < cutoff
                        && (c.Status == CallStatus.Initiating || c.Status == CallStatus.Initiated
                            || c.Status == CallStatus.Ringing || c.Status == CallStatus.Answered))
            .OrderBy(c => c.CreatedAt).Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            db.ClearTracked();
            var call = await db.CallLogs.FirstAsync(c => c.Id == id, cancellationToken);
            await db.ChangeAsync(call, c => c.MarkStale($"No final word from TeleCMI within {minutes} minutes.", clock.GetUtcNow().UtcDateTime), cancellationToken);
        }
        if (ids.Count > 0) logger.LogInformation("Marked {Count} call(s) without a final webhook as unknown", ids.Count);
        return ids.Count;
    }
}
