using TeleCmi.Domain.Common;

namespace TeleCmi.Domain.Audit;

/// <summary>
/// One change a person made, appended to the audit trail in the same transaction as the change itself, and never
/// rewritten: the only change allowed later is <see cref="Redact"/>, when a driver's personal data is erased.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Longest entity type, entity id and action names.</summary>
    public const int MaxTypeLength = 32, MaxEntityIdLength = 64, MaxActionLength = 32;

    private AuditEntry() { }

    public AuditEntry(DateTime occurredAtUtc, int? actorAgentId, string entityType, string entityId, string action, string changes)
    {
        if (string.IsNullOrEmpty(entityType) || entityType.Length > MaxTypeLength) throw new DomainException("An audit entity type is 1 to 32 characters.");
        if (string.IsNullOrEmpty(entityId) || entityId.Length > MaxEntityIdLength) throw new DomainException("An audit entity id is 1 to 64 characters.");
        if (string.IsNullOrEmpty(action) || action.Length > MaxActionLength) throw new DomainException("An audit action is 1 to 32 characters.");
        OccurredAt = occurredAtUtc;
        ActorAgentId = actorAgentId;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
    }

    public long Id { get; private set; }
    public DateTime OccurredAt { get; private set; }
    /// <summary>The agent who made the change; null for the service itself (a background job).</summary>
    public int? ActorAgentId { get; private set; }
    /// <summary>What kind of thing changed: <c>call</c>, <c>agent</c>, <c>driver</c>, …</summary>
    public string EntityType { get; private set; } = string.Empty;
    public string EntityId { get; private set; } = string.Empty;
    /// <summary>What happened: <c>feedback</c>, <c>created</c>, <c>updated</c>, <c>erased</c>, …</summary>
    public string Action { get; private set; } = string.Empty;
    /// <summary>The changed fields as JSON: <c>{"field": {"before": …, "after": …}}</c>.</summary>
    public string Changes { get; private set; } = "{}";

    /// <summary>Replaces the recorded values with a redacted copy (personal data erased); nothing else ever changes.</summary>
    public bool Redact(string redactedChanges)
    {
        if (redactedChanges == Changes) return false;
        Changes = redactedChanges;
        return true;
    }
}
