namespace TeleCmi.Application.Calls.Common;

/// <summary>Limits on placing calls (configuration section <c>Calls</c>).</summary>
public sealed class CallPolicyOptions
{
    public const string SectionName = "Calls";

    /// <summary>A second TeleCMI call to the same driver within this many seconds of a live one is refused (409).</summary>
    public int DuplicateCallWindowSeconds { get; set; } = 30;

    /// <summary>Calls without a final webhook after this many minutes are shown as <c>unknown</c>.</summary>
    public int StaleAfterMinutes { get; set; } = 30;

    /// <summary>TeleCMI calls one agent may place per business day (midnight to midnight in <c>Reporting:TimeZone</c>).</summary>
    public int DailyTeleCmiCallCap { get; set; } = 300;
}
