namespace TeleCmi.IntegrationTests.Support;

/// <summary>
/// A clock the test sets: frozen at <see cref="Now"/> until moved. Start it at the real time (tokens it stamps must not be
/// "not yet valid"), then move it forward to stand days later. Timers still run on real time (the base implementation).
/// </summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
