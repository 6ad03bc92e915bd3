using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Agents.Common;

/// <summary>An agent as shown to admins. Never carries the password hash nor the TeleCMI password (only whether one is set).</summary>
/// <param name="HasTeleCmiPassword">A TeleCMI password is stored (write-only: set with <c>teleCmiPassword</c>); hang-up needs it.</param>
public sealed record AgentDto(
    int Id, string Username, string DisplayName, string Phone, AgentRole Role,
    string? TeleCmiUserId, bool TeleCmiCallingAllowed, bool IsActive, string? ExternalId, DateTime CreatedAt, DateTime UpdatedAt,
    bool HasTeleCmiPassword)
{
    public static AgentDto From(Agent a) => new(a.Id, a.Username, a.DisplayName, a.Phone, a.Role, a.TeleCmiUserId,
        a.TeleCmiCallingAllowed, a.IsActive, a.ExternalId, a.CreatedAt, a.UpdatedAt, a.HasTeleCmiPassword);
}
