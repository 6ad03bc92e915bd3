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
/// How many calls of one closed business day had one provider and one <see cref="FigureCode"/> (status × outcome),
/// and their talk seconds (table <c>report_day_figures</c>). A cache of <c>call_logs</c>, never the truth: it can be
/// emptied at any time and is recomputed from the calls.
/// </summary>
public sealed class RollupFigure
{
    public required string Zone { get; init; }
    public required DateOnly Day { get; init; }
    public required CallProvider Provider { get; init; }
    public required int Code { get; init; }
    public required int Calls { get; init; }
    public required long TalkSeconds { get; init; }
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
