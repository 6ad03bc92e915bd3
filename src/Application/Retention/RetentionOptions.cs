namespace TeleCmi.Application.Retention;

/// <summary>
/// How long personal data is kept (configuration section <c>Retention</c>), and when the daily job that applies it runs.
/// Validated at start (Infrastructure's options setup); see docs/OPERATIONS.md for what each step does to the data.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Days a call's recording is served; after that the answer is 410 and the job clears its file name.</summary>
    public int RecordingDays { get; set; } = 180;

    /// <summary>Days a call keeps the driver's phone and name; after that the job masks them (figures unchanged).</summary>
    public int PersonalDataDays { get; set; } = 730;

    /// <summary>Days a settled raw webhook delivery is kept; unmatched (or never processed) ones are kept twice as long.</summary>
    public int WebhookDeliveryDays { get; set; } = 90;

    /// <summary>Whether the daily retention job runs on this instance (one instance at a time does the work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time of day the job runs, <c>HH:mm</c> in the business time zone (<c>Reporting:TimeZone</c>).</summary>
    public string RunAt { get; set; } = "02:30";

    /// <summary>Rows changed or deleted per statement: small batches keep row locks short beside live traffic.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Pause between batches, so webhook intake and the API get the database between them.</summary>
    public int PauseBetweenBatchesMilliseconds { get; set; } = 50;

    /// <summary><see cref="RunAt"/> parsed; null when it is not a valid time.</summary>
    public TimeOnly? RunAtTime => TimeOnly.TryParseExact(RunAt, "HH:mm", out var t) ? t : null;
}
