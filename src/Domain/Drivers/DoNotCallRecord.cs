namespace TeleCmi.Domain.Drivers;

/// <summary>
/// One do-not-call mark of a driver and, once lifted, its lifting (table <c>do_not_call_records</c>): who set it, when,
/// why and from which source; who lifted it and when. Rows are only ever added and then lifted, never deleted, so the
/// record of every mark stays.
/// </summary>
public sealed class DoNotCallRecord
{
    /// <summary>Longest reason text.</summary>
    public const int MaxReasonLength = 200;

    private DoNotCallRecord() { }

    /// <summary>A new mark.</summary>
    /// <param name="setByAgentId">The agent who set it; null when a system import did.</param>
    public DoNotCallRecord(string driverId, string reason, DoNotCallSource source, int? setByAgentId, DateTime setAtUtc)
    {
        DriverId = driverId;
        Reason = reason;
        Source = source;
        SetByAgentId = setByAgentId;
        SetAt = setAtUtc;
    }

    public long Id { get; private set; }
    public string DriverId { get; private set; } = string.Empty;
    public string Reason { get; private set; } = string.Empty;
    public DoNotCallSource Source { get; private set; }
    public int? SetByAgentId { get; private set; }
    public DateTime SetAt { get; private set; }
    public int? LiftedByAgentId { get; private set; }
    public DateTime? LiftedAt { get; private set; }

    /// <summary>True while the mark stands.</summary>
    public bool IsActive => LiftedAt is null;

    /// <summary>Records that the mark was lifted; a second lift changes nothing.</summary>
    public void Lift(int agentId, DateTime nowUtc)
    {
        if (LiftedAt is not null) return;
        LiftedByAgentId = agentId;
        LiftedAt = nowUtc;
    }
}
