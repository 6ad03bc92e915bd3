namespace TeleCmi.StandIn;

/// <summary>
/// The lifetime of a stand-in hosted inside another process: it neither listens for Ctrl+C/SIGTERM nor prints
/// "Application started" lines; the hosting process owns both and stops the stand-in itself.
/// </summary>
public sealed class EmbeddedLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
