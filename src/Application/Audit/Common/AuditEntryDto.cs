using System.Text.Json;
using TeleCmi.Domain.Audit;

namespace TeleCmi.Application.Audit.Common;

/// <summary>One entry of the audit trail: who changed what, when, from what to what.</summary>
/// <param name="Id">The entry's id (increasing).</param>
/// <param name="OccurredAt">When (UTC).</param>
/// <param name="ActorAgentId">The agent who made the change; null for the service itself.</param>
/// <param name="EntityType">call, agent or driver.</param>
/// <param name="EntityId">The id of what changed.</param>
/// <param name="Action">created, updated, feedback or erased.</param>
/// <param name="Changes">The fields that changed, before → after; secrets as <c>(changed)</c>, never their value.</param>
public sealed record AuditEntryDto(
    long Id, DateTime OccurredAt, int? ActorAgentId, string EntityType, string EntityId, string Action, IReadOnlyList<AuditFieldChangeDto> Changes)
{
    public static AuditEntryDto From(AuditEntry e) =>
        new(e.Id, e.OccurredAt, e.ActorAgentId, e.EntityType, e.EntityId, e.Action, AuditChangesJson.Read(e.Changes));
}

/// <summary>One field's change.</summary>
/// <param name="Field">The field, as the API names it.</param>
/// <param name="Before">Its value before; null when it had none.</param>
/// <param name="After">Its value after; null when it has none.</param>
public sealed record AuditFieldChangeDto(string Field, string? Before, string? After);

/// <summary>The JSON kept in <see cref="AuditEntry.Changes"/>: <c>{"field": {"before": …, "after": …}}</c>, in change order.</summary>
public static class AuditChangesJson
{
    public static string Write(IReadOnlyList<AuditChange> changes) =>
        JsonSerializer.Serialize(changes.ToDictionary(c => c.Field, c => new Pair(c.Before, c.After)));

    public static IReadOnlyList<AuditFieldChangeDto> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, Pair>>(json)?.Select(p => new AuditFieldChangeDto(p.Key, p.Value.before, p.Value.after)).ToList()
        ?? [];

    // Lower-case names keep the stored JSON readable in SQL: {"feedback":{"before":"a","after":"b"}}.
    private sealed record Pair(string? before, string? after);
}
