using System.Collections.Concurrent;

namespace TeleCmi.StandIn;

/// <summary>
/// The recordings the stand-in has issued. <c>/v2/play</c> serves only these, as TeleCMI serves only its own
/// files; every one plays the same generated tone.
/// </summary>
public sealed class SimulatorRecordings
{
    // A demo process should not grow without bound; the oldest names are forgotten first.
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, byte> issued = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();
    private readonly Lazy<byte[]> tone = new(() => ToneWave.Create());

    /// <summary>The audio every recording plays (a WAV file).</summary>
    public byte[] Audio => tone.Value;

    /// <summary>Remembers a file name handed out on a CDR.</summary>
    public void Issue(string fileName)
    {
        if (!issued.TryAdd(fileName, 0)) return;
        order.Enqueue(fileName);
        while (order.Count > MaxRemembered && order.TryDequeue(out var oldest)) issued.TryRemove(oldest, out _);
    }

    /// <summary>True for a name the stand-in issued.</summary>
    public bool Has(string? fileName) => fileName is not null && issued.ContainsKey(fileName);
}
