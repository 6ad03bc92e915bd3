namespace TeleCmi.Infrastructure.Jobs;

/// <summary>When a periodic job runs: first after <see cref="FirstRunAfter"/>, then every <see cref="Interval"/>.</summary>
public sealed record PeriodicJobSchedule(TimeSpan Interval, TimeSpan FirstRunAfter)
{
    /// <summary>A job that never runs.</summary>
    public static readonly PeriodicJobSchedule Off = new(TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Whether the job runs at all.</summary>
    public bool IsOn => Interval > TimeSpan.Zero;

    /// <summary>Every <paramref name="interval"/>, the first run one interval after start.</summary>
    public static PeriodicJobSchedule Every(TimeSpan interval) => new(interval, interval);
}
