using System.Collections.Concurrent;

namespace TeleCmi.StandIn;

/// <summary>
/// The calls the stand-in is playing and that can still be hung up, by their agent leg's <c>cmiuuid</c> (what TeleCMI's
/// hang-up takes). A call leaves it when its first CDR is about to be posted: from then on it has ended.
/// </summary>
public sealed class SimulatorLiveCalls
{
    private readonly ConcurrentDictionary<string, (SimulatedCall Call, CancellationTokenSource HangUp)> calls = new(StringComparer.Ordinal);

    /// <summary>Registers a call; the token is cancelled when it is hung up.</summary>
    public CancellationToken Add(SimulatedCall call)
    {
        var hangUp = new CancellationTokenSource();
        calls[call.AgentLegId] = (call, hangUp);
        return hangUp.Token;
    }

    /// <summary>
    /// The call ends by itself (its first CDR is next): it can no longer be hung up. False when a hang-up took it first.
    /// </summary>
    public bool TryEnd(SimulatedCall call) => calls.TryRemove(call.AgentLegId, out _);

    /// <summary>Hangs up the live call whose agent leg is <paramref name="agentLegId"/> and that <paramref name="userId"/> placed.</summary>
    public bool TryHangUp(string? agentLegId, string userId)
    {
        if (agentLegId is null || !calls.TryGetValue(agentLegId, out var entry) || entry.Call.UserId != userId) return false;
        if (!calls.TryRemove(agentLegId, out entry)) return false;
        entry.HangUp.Cancel();
        return true;
    }
}
