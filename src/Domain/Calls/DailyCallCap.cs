using System.Linq.Expressions;

namespace TeleCmi.Domain.Calls;

/// <summary>The most TeleCMI calls one agent may place in one business day.</summary>
/// <param name="Limit">Calls per day; 0 allows none.</param>
public readonly record struct DailyCallCap(int Limit)
{
    /// <summary>
    /// Which of an agent's calls of the day count toward the cap, as an expression a database can run: every TeleCMI
    /// call, whatever became of it (a refused or unconfirmed request may still have cost a call). Manual calls do not.
    /// </summary>
    public static Expression<Func<CallLog, bool>> CountsToward { get; } = c => c.Provider == CallProvider.TeleCmi;

    private static readonly Func<CallLog, bool> Counts = CountsToward.Compile();

    /// <summary>Whether <paramref name="call"/> counts toward the cap (the same rule, in memory).</summary>
    public static bool Counted(CallLog call) => Counts(call);

    /// <summary>Whether an agent who placed <paramref name="placedToday"/> calls today may place one more.</summary>
    public bool Allows(int placedToday) => placedToday < Limit;
}
