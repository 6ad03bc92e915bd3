using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Agents.Common;

/// <summary>What a change did to an agent, for the audit trail. Passwords are recorded as changed, never their value or hash.</summary>
public static class AgentAudit
{
    /// <summary>An agent's recorded fields at one moment.</summary>
    public sealed record State(
        string? DisplayName, string? Phone, AgentRole? Role, string? TeleCmiUserId, bool? TeleCmiCallingAllowed, bool? IsActive,
        string? ExternalId, string? PasswordHash, string? TeleCmiPasswordCipher)
    {
        public static State Of(Agent a) => new(a.DisplayName, a.Phone, a.Role, a.TeleCmiUserId, a.TeleCmiCallingAllowed, a.IsActive,
            a.ExternalId, a.PasswordHash, a.TeleCmiPasswordCipher);
        public static State None { get; } = new(null, null, null, null, null, null, null, null, null);
    }

    public static void RecordAgent(this IAuditTrail audit, string action, State before, Agent agent)
    {
        var after = State.Of(agent);
        var changes = new AuditChanges()
            .Field("displayName", before.DisplayName, after.DisplayName)
            .Field("phone", before.Phone, after.Phone)
            .Field("role", before.Role, after.Role)
            .Field("teleCmiUserId", before.TeleCmiUserId, after.TeleCmiUserId)
            .Field("teleCmiCallingAllowed", before.TeleCmiCallingAllowed, after.TeleCmiCallingAllowed)
            .Field("isActive", before.IsActive, after.IsActive)
            .Field("externalId", before.ExternalId, after.ExternalId)
            .Secret("password", before.PasswordHash is not null, after.PasswordHash is not null, before.PasswordHash != after.PasswordHash)
            .Secret("teleCmiPassword", before.TeleCmiPasswordCipher is not null, after.TeleCmiPasswordCipher is not null,
                before.TeleCmiPasswordCipher != after.TeleCmiPasswordCipher)
            .ToList();
        audit.Record(AuditEntities.Agent, agent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), action, changes);
    }
}
