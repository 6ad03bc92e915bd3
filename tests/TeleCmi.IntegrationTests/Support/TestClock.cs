namespace TeleCmi.IntegrationTests.Support;

/// <summary>
/// The service's <see cref="TimeProvider"/> in a fixture that needs a fixed time: the real time until
/// <see cref="Now"/> is set. Sign clients in before setting it: tokens are checked against the real time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>The time the service sees; null for the real time.</summary>
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now?.ToUniversalTime() ?? System.GetUtcNow();
}
