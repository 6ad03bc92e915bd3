namespace TeleCmi.Domain.Reports;

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
