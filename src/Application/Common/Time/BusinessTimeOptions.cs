namespace TeleCmi.Application.Common.Time;

/// <summary>The business time zone (configuration section <c>Reporting</c>).</summary>
public sealed class BusinessTimeOptions
{
    public const string SectionName = "Reporting";

    /// <summary>Used when <c>Reporting:TimeZone</c> is not set (or empty).</summary>
    public const string DefaultTimeZone = "Asia/Kolkata";

    /// <summary>
    /// IANA id of the zone a business day is counted in (midnight to midnight): report days and weeks, "today" for
    /// follow-ups and the daily call cap.
    /// </summary>
    public string TimeZone { get; set; } = DefaultTimeZone;
}
