using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Reports;

/// <summary>
/// A closed business day whose figures are stored in <see cref="RollupFigure"/> rows (table <c>report_days</c>).
/// Its presence means "these figures are complete for the day"; a day without calls has a marker and no figures.
/// </summary>
public sealed class RollupDay
{
    /// <summary>The business time zone the day was counted in (<c>Reporting:TimeZone</c>).</summary>
    public required string Zone { get; init; }
    public required DateOnly Day { get; init; }
    public required DateTime ComputedAt { get; init; }
}

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
    public long TalkSeconds { get; init; }
    public int Connected { get; init; }
    public int NotReachable { get; init; }
    public int Busy { get; init; }
    public int WrongNumber { get; init; }
    public int CallBackLater { get; init; }
    public int Interested { get; init; }
    public int NotInterested { get; init; }
    public int OtherOutcome { get; init; }
    public int NoOutcome { get; init; }

    public static RollupFigure From(string zone, DateOnly day, CallProvider provider, CallFigures f) => new()
    {
        Zone = zone, Day = day, Provider = provider,
        Calls = f.Calls, Answered = f.Answered, Completed = f.Completed, Missed = f.Missed, Failed = f.Failed,
        InProgress = f.InProgress, Unknown = f.Unknown, TalkSeconds = f.TalkSeconds,
        Connected = f.Outcomes.Connected, NotReachable = f.Outcomes.NotReachable, Busy = f.Outcomes.Busy,
        WrongNumber = f.Outcomes.WrongNumber, CallBackLater = f.Outcomes.CallBackLater, Interested = f.Outcomes.Interested,
        NotInterested = f.Outcomes.NotInterested, OtherOutcome = f.Outcomes.Other, NoOutcome = f.Outcomes.None,
    };

    public CallFigures ToFigures() => CallFigures.FromCounts(Calls, Answered, Completed, Missed, Failed, InProgress, Unknown, TalkSeconds,
        new OutcomeCounts(Connected, NotReachable, Busy, WrongNumber, CallBackLater, Interested, NotInterested, OtherOutcome, NoOutcome));
}

/// <summary>
/// "The figures of this closed day may have changed" (table <c>report_stale_days</c>): written in the same
/// transaction as any change to a call of a day before today, so the change and the notice commit together.
/// </summary>
public sealed class StaleRollupDay
{
    public long Id { get; private set; }
    public required DateOnly Day { get; init; }
    public required DateTime MarkedAt { get; init; }
}
