namespace TeleCmi.Domain.Reports;

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
