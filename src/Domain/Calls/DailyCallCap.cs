using System.Linq.Expressions;

namespace TeleCmi.Domain.Calls;

/// <summary>The most TeleCMI calls one agent may place in one business day.</summary>
/// <param name="Limit">Calls per day; 0 allows none.</param>
public readonly record struct DailyCallCap(int Limit)
{
    /// <summary>
    /// Which of an agent's calls use up the cap, as an expression a database can run: TeleCMI calls, except attempts that
    /// never reached TeleCMI (<see cref="CallStatus.NotPlaced"/>): an outage must not spend the agent's day. An attempt
    /// still waiting for TeleCMI's answer counts, since it may become a call.
    /// </summary>
    public static Expression<Func<CallLog, bool>> Counts { get; } = c =>
        c.Provider == CallProvider.TeleCmi && c.Status != CallStatus.NotPlaced;

    /// <summary>Whether an agent who placed <paramref name="placedToday"/> calls today may place one more.</summary>
    public bool Allows(int placedToday) => placedToday < Limit;

    private static readonly Func<CallLog, bool> CountsInMemory = Counts.Compile();

    /// <summary>Whether <paramref name="call"/> uses up the cap (the same rule, in memory).</summary>
    public static bool CountsToward(CallLog call) => CountsInMemory(call);
}
