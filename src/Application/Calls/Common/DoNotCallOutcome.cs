using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Calls.Common;

/// <summary>
/// The outcome <c>do_not_call</c>: the agent who recorded it heard the driver ask not to be called, so the call's
/// driver is marked do-not-call (source <c>driver_request</c>, set by that agent).
/// </summary>
public sealed class DoNotCallOutcome(IAppDbContext db, ICurrentUser user, DoNotCallMarker marker)
{
    /// <summary>The reason recorded for a mark set through the outcome.</summary>
    public const string Reason = "The driver asked not to be called (call outcome do_not_call).";

    /// <summary>Marks the call's driver when the call's outcome is <see cref="CallOutcome.DoNotCall"/>; nothing otherwise.</summary>
    public async Task ApplyAsync(CallLog call, CancellationToken cancellationToken)
    {
        if (call.Outcome != CallOutcome.DoNotCall) return;
        var driver = await db.Drivers.FirstOrDefaultAsync(d => d.Id == call.DriverId, cancellationToken);
        if (driver is null) return;
        await marker.MarkAsync(driver, $"{Reason} Call {call.Id}.", DoNotCallSource.DriverRequest, user.AgentId, cancellationToken);
    }
}
