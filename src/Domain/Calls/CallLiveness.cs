using System.Linq.Expressions;

namespace TeleCmi.Domain.Calls;

/// <summary>
/// Which calls are live: still ringing or talking, or possibly so. A second TeleCMI call to the same driver while one is
/// live would ring the agent twice (TeleCMI's click-to-call is not idempotent), so it is refused.
/// </summary>
public static class CallLiveness
{
    /// <summary>
    /// The rule as an expression a database can run: not finished yet (initiating, initiated, ringing, answered), or
    /// failed while TeleCMI never confirmed whether it placed the call (it may be ringing anyway). A call TeleCMI refused, or
    /// one that never reached TeleCMI (<see cref="CallStatus.NotPlaced"/>), is not live: no phone can be ringing.
    /// </summary>
    public static Expression<Func<CallLog, bool>> IsLive { get; } = c =>
        c.Status == CallStatus.Initiating || c.Status == CallStatus.Initiated || c.Status == CallStatus.Ringing
        || c.Status == CallStatus.Answered || (c.Status == CallStatus.Failed && c.Dispatch == DispatchState.Unconfirmed);

    private static readonly Func<CallLog, bool> Holds = IsLive.Compile();

    /// <summary>Whether <paramref name="call"/> is live (the same rule, in memory).</summary>
    public static bool Of(CallLog call) => Holds(call);
}
