namespace TeleCmi.Infrastructure.Streaming;

/// <summary>Wakes this instance's <see cref="CallChangePoller"/> when this instance saved a call change.</summary>
public sealed class CallChangeSignal
{
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>A call change was committed here: poll now.</summary>
    public void Changed()
    {
        if (wake.CurrentCount == 0)
        {
            try { wake.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    /// <summary>Waits for <see cref="Changed"/> or the timeout. True when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => wake.WaitAsync(timeout, ct);
}
