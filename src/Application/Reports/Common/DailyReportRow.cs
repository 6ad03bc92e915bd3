namespace TeleCmi.Application.Reports.Common;

/// <summary>One business day's figures.</summary>
public sealed record DailyReportRow(DateOnly Date, CallFigures Figures);
