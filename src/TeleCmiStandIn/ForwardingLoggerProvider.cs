namespace TeleCmi.StandIn;

/// <summary>
/// Writes the embedded stand-in's log lines through the hosting process's logging, so that `dotnet run` of the API
/// shows one log (and its tests capture the stand-in's lines with the service's).
/// </summary>
public sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    /// <summary>Nothing to release: the target belongs to the hosting process.</summary>
    public void Dispose()
    {
    }
}
