using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Audit;

namespace TeleCmi.Infrastructure.Audit;

/// <summary>
/// Adds audit entries to the request's DbContext, so the change and its entry commit together. After a concurrency retry
/// that clears the tracked entities, the change is applied (and recorded) again, so exactly one entry is written.
/// </summary>
public sealed class DatabaseAuditTrail(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IAuditTrail
{
    public void Record(string entityType, string entityId, string action, IReadOnlyList<AuditChange> changes)
    {
        if (changes.Count == 0 && action == AuditActions.Updated) return;
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, user.AgentId, entityType, entityId, action, AuditChangesJson.Write(changes)));
    }
}
