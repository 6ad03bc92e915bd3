namespace TeleCmi.Application.Calls.ReconcileCalls;

/// <summary>
/// Reconciliation from TeleCMI's call records (configuration section <c>Reconciliation</c>): which calls it looks at,
/// when it gives up on one, and how gently it asks TeleCMI.
/// </summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Reconciliation";

    /// <summary>Whether the job runs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A TeleCMI call that is not final this many minutes after it started is looked up (fractions allowed).</summary>
    public double AfterMinutes { get; set; } = 5;

    /// <summary>
    /// A call TeleCMI still has no record of this many minutes after it started, and of which no webhook ever told
    /// anything, becomes <c>not_placed</c> (see docs/RELIABILITY.md). Longer than <see cref="AfterMinutes"/>, so that
    /// TeleCMI's records have had time to appear.
    /// </summary>
    public double GiveUpAfterMinutes { get; set; } = 60;

    /// <summary>Calls older than this are no longer looked up (TeleCMI's record lists default to the last 24 hours).</summary>
    public int LookbackHours { get; set; } = 24;

    /// <summary>Seconds between runs.</summary>
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>How far (seconds) a record's start may be from our call's start and still match it.</summary>
    public int MatchWindowSeconds { get; set; } = 120;

    /// <summary>Records per page asked for (TeleCMI allows at most 20).</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>Most record pages one run asks TeleCMI for; the rest waits for the next run.</summary>
    public int MaxRequestsPerRun { get; set; } = 30;

    /// <summary>Milliseconds between two requests to TeleCMI, to stay well inside its rate limits.</summary>
    public int RequestSpacingMs { get; set; } = 500;

    /// <summary>Most calls one run looks at.</summary>
    public int MaxCallsPerRun { get; set; } = 200;
}
