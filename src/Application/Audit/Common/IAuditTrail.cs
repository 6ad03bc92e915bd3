namespace TeleCmi.Application.Audit.Common;

/// <summary>
/// The append-only history of changes people make (feedback, agents, drivers, erasures…). An entry is added to the current
/// unit of work, so it is written by the same <c>SaveChanges</c> (and transaction) as the change it describes, or not at all.
/// Who and when come from the signed-in agent and the clock.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends one entry; nothing when <paramref name="changes"/> is empty and the action is <c>updated</c> (nothing changed).</summary>
    /// <param name="entityType">What changed: see <see cref="AuditEntities"/>.</param>
    /// <param name="entityId">Its id.</param>
    /// <param name="action">What happened: see <see cref="AuditActions"/>.</param>
    /// <param name="changes">The fields that changed, before → after (secrets as <see cref="AuditChange.Secret"/>).</param>
    void Record(string entityType, string entityId, string action, IReadOnlyList<AuditChange> changes);
}
