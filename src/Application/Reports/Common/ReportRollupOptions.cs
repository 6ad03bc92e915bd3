namespace TeleCmi.Application.Reports.Common;

/// <summary>Settings of the report rollup (section <c>Reports:Rollup</c>).</summary>
public sealed class ReportRollupOptions
{
    public const string SectionName = "Reports:Rollup";

    /// <summary>Whether all-agent reports read closed days from the rollup. <c>false</c>: every report counts the calls live.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often (minutes) a background job brings the rollup of the last <see cref="ReportRange.MaxDays"/> days up
    /// to date, first shortly after start; 0 turns the job off (reports then fill the rollup when they need it).</summary>
    public int RefreshMinutes { get; set; } = 10;

    /// <summary>
    /// How long (seconds) today's live all-agent figures are reused by the next reports; 0 = counted for every report.
    /// A change saved by this instance is always counted by the next report; one saved by another instance shows
    /// within this time.
    /// </summary>
    public int TodayCacheSeconds { get; set; } = 2;
}
