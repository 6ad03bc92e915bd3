using System.ComponentModel.DataAnnotations;

namespace TeleCmi.Infrastructure.Jobs;

/// <summary>How often the stale-call sweep runs (configuration section <c>Calls</c>, beside the call policy).</summary>
public sealed class StaleCallSweepOptions
{
    public const string SectionName = "Calls";

    /// <summary>Seconds between sweeps that mark calls without a final webhook <c>unknown</c>.</summary>
    [Range(1, 3600, ErrorMessage = "Calls:SweepIntervalSeconds (env Calls__SweepIntervalSeconds) must be 1 to 3600 seconds.")]
    public int SweepIntervalSeconds { get; set; } = 60;
}
