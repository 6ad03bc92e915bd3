using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Agents.Common;

/// <summary>An agent as shown to admins. Never carries the password hash.</summary>
public sealed record AgentDto(
    int Id, string Username, string DisplayName, string Phone, AgentRole Role,
    string? TeleCmiUserId, bool TeleCmiCallingAllowed, bool IsActive, string? ExternalId, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AgentDto From(Agent a) => new(a.Id, a.Username, a.DisplayName, a.Phone, a.Role, a.TeleCmiUserId,
        a.TeleCmiCallingAllowed, a.IsActive, a.ExternalId, a.CreatedAt, a.UpdatedAt);
}
