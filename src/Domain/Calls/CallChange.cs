namespace TeleCmi.Domain.Calls;

/// <summary>
/// "This call changed" (table <c>call_changes</c>): written in the same transaction as any change to a call, so every
/// instance learns of it by reading the table. The id is the live stream's event id; rows are pruned after a while.
/// </summary>
public sealed class CallChange
{
    public long Id { get; private set; }
    public required string CallId { get; init; }
    public required int AgentId { get; init; }
    public required DateTime ChangedAt { get; init; }
}
