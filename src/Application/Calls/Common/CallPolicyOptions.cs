namespace TeleCmi.Application.Calls.Common;

/// <summary>Limits on placing calls (configuration section <c>Calls</c>).</summary>
public sealed class CallPolicyOptions
{
    public const string SectionName = "Calls";

    /// <summary>
    /// How long a live call blocks a second TeleCMI call to the same driver (409), counted from its start. As long as
    /// <see cref="StaleAfterMinutes"/> by default: a call stays live (a long conversation, a maybe-placed request) until
    /// its final webhook or the stale sweep, and a shorter window would let a second tap ring the driver mid-call.
    /// </summary>
    public int DuplicateCallWindowSeconds { get; set; } = 1800;

    /// <summary>Calls without a final webhook after this many minutes are shown as <c>unknown</c>.</summary>
    public int StaleAfterMinutes { get; set; } = 30;

    /// <summary>TeleCMI calls one agent may place per business day (midnight to midnight in <c>Reporting:TimeZone</c>).</summary>
    public int DailyTeleCmiCallCap { get; set; } = 300;
}
