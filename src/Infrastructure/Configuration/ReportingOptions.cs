namespace TeleCmi.Infrastructure.Configuration;

/// <summary>The business calendar (configuration section <c>Reporting</c>).</summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Reporting";

    /// <summary>IANA id of the business time zone: report days and weeks, "today" for follow-ups and the daily cap.</summary>
    public string TimeZone { get; set; } = "Asia/Kolkata";
}
