using System.Threading.Channels;

namespace TeleCmi.StandIn;

/// <summary>
/// Hands placed calls from the click2call request to <see cref="SimulatedCallRunner"/>, so the webhooks
/// outlive the request that placed the call.
/// </summary>
public sealed class SimulatorCallQueue
{
    private readonly Channel<SimulatedCall> channel = Channel.CreateBounded<SimulatedCall>(
        new BoundedChannelOptions(1000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>False when too many calls are waiting: the stand-in then answers "busy" as TeleCMI would.</summary>
    public bool TryEnqueue(SimulatedCall call) => channel.Writer.TryWrite(call);

    /// <summary>The calls, as they are placed.</summary>
    public IAsyncEnumerable<SimulatedCall> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}
