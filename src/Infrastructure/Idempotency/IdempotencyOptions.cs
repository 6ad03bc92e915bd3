using System.ComponentModel.DataAnnotations;

namespace TeleCmi.Infrastructure.Idempotency;

/// <summary>How long <c>Idempotency-Key</c>s are remembered (configuration section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>Hours a completed key replays its response; at least 24, as the IETF draft and Stripe suggest.</summary>
    [Range(24, 24 * 365, ErrorMessage = "Idempotency:RetentionHours (env Idempotency__RetentionHours) must be 24 to 8760 hours.")]
    public int RetentionHours { get; set; } = 24;

    /// <summary>
    /// Seconds a claim of a still-running request holds the key. Only matters when the process dies mid-request:
    /// the key is then free again after this long instead of answering 409 for a day.
    /// </summary>
    [Range(30, 3600, ErrorMessage = "Idempotency:ClaimTimeoutSeconds (env Idempotency__ClaimTimeoutSeconds) must be 30 to 3600 seconds.")]
    public int ClaimTimeoutSeconds { get; set; } = 120;

    /// <summary>Minutes between sweeps that delete expired keys.</summary>
    [Range(1, 1440, ErrorMessage = "Idempotency:PurgeIntervalMinutes (env Idempotency__PurgeIntervalMinutes) must be 1 to 1440 minutes.")]
    public int PurgeIntervalMinutes { get; set; } = 60;
}
