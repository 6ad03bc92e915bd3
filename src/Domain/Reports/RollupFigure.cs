using TeleCmi.Domain.Calls;

namespace TeleCmi.Domain.Reports;

/// <summary>
/// The figures of one closed business day's calls with one provider (table <c>report_day_figures</c>): at most two
/// rows per day. A cache of <c>call_logs</c>, never the truth: it can be emptied at any time and is recomputed.
/// </summary>
public sealed class RollupFigure
{
    public required string Zone { get; init; }
    public required DateOnly Day { get; init; }
    public required CallProvider Provider { get; init; }
    public int Calls { get; init; }
    public int Answered { get; init; }
    public int Completed { get; init; }
    public int Missed { get; init; }
    public int Failed { get; init; }
    public int InProgress { get; init; }
    public int Unknown { get; init; }
    /// <summary>Attempts that never reached TeleCMI (status not_placed); not part of <see cref="Calls"/>.</summary>
    public int NotPlaced { get; init; }
    public long TalkSeconds { get; init; }
    public int Connected { get; init; }
    public int NotReachable { get; init; }
    public int Busy { get; init; }
    public int WrongNumber { get; init; }
    public int CallBackLater { get; init; }
    public int Interested { get; init; }
    public int NotInterested { get; init; }
    public int OtherOutcome { get; init; }
    /// <summary>Calls whose outcome was do_not_call.</summary>
    public int DoNotCallOutcome { get; init; }
    public int NoOutcome { get; init; }
}
