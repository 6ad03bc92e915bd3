namespace TeleCmi.Application.Calls.StreamCallEvents;

/// <summary>Settings of the live call stream (section <c>Streaming</c>).</summary>
public sealed class StreamingOptions
{
    public const string SectionName = "Streaming";

    /// <summary>How often (ms) each instance reads the changes other instances made. A change made on this instance is
    /// read at once.</summary>
    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Seconds between heartbeats on an idle stream (an event <c>heartbeat</c>).</summary>
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>How far back (minutes) a reconnecting client's <c>Last-Event-ID</c> is replayed.</summary>
    public int ReplayMinutes { get; set; } = 10;

    /// <summary>How long (minutes) change rows are kept; more than <see cref="ReplayMinutes"/>.</summary>
    public int RetentionMinutes { get; set; } = 15;

    /// <summary>Events one subscriber may have unsent; a subscriber that falls further behind is closed (it resumes with
    /// <c>Last-Event-ID</c>).</summary>
    public int SubscriberBuffer { get; set; } = 256;
}
