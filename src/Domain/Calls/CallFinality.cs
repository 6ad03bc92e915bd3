using System.Linq.Expressions;

namespace TeleCmi.Domain.Calls;

/// <summary>
/// Which calls are final: no further provider fact is expected, so a client following a call stops at <c>final</c>,
/// not at a status (a call is <see cref="CallStatus.Completed"/> as soon as the agent's leg ends after the driver answered,
/// while the driver leg's CDR with the talk time and the recording may still be on its way).
/// <para>Derived from stored facts only: a manual call is final at once; a click-to-call TeleCMI refused, or one that never
/// reached TeleCMI, is final (no call existed); otherwise a TeleCMI call is final once every CDR it will get is in. The
/// agent's leg always ends with a CDR (answered or missed). The driver's leg sends one only if it was dialled: when any fact
/// of the driver leg was seen (started, answered, a CDR) its CDR is awaited too; when the agent's CDR came and the driver leg
/// was never started (the agent did not pick up, or hung up before TeleCMI dialled), none will come.</para>
/// <para>A stale call (<see cref="CallStatus.Unknown"/>) and one TeleCMI never confirmed stay not final: their CDRs are not in,
/// and a later fact (a late webhook, or TeleCMI's call records read by reconciliation) can still end them. Reconciliation
/// makes such a call final by recording what it found as facts on the call, and by extending this rule with its own fact.</para>
/// </summary>
public static class CallFinality
{
    /// <summary>The rule as an expression a database can run (for jobs that look for calls that are not final yet).</summary>
    public static Expression<Func<CallLog, bool>> IsFinal { get; } = c =>
        c.Provider == CallProvider.Manual
        || c.Dispatch == DispatchState.Refused || c.Dispatch == DispatchState.NotPlaced
        // Equalities, not "at least Missed": the database stores leg states as their names, which do not sort like the enum.
        || ((c.AgentLeg == LegState.Missed || c.AgentLeg == LegState.Ended)
            && (c.DriverLeg == LegState.None || c.DriverLeg == LegState.Missed || c.DriverLeg == LegState.Ended));

    private static readonly Func<CallLog, bool> Holds = IsFinal.Compile();

    /// <summary>Whether <paramref name="call"/> is final (the same rule, in memory).</summary>
    public static bool Of(CallLog call) => Holds(call);
}
