using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Common.Interfaces;

/// <summary>The signed-in agent, from the validated access token.</summary>
public interface ICurrentUser
{
    int? AgentId { get; }
    AgentRole? Role { get; }
    /// <summary>The presented token's id (<c>jti</c>): what signing out ends.</summary>
    string? TokenId => null;
    /// <summary>When the presented token expires (UTC).</summary>
    DateTime? TokenExpiresAt => null;
    bool IsAuthenticated => AgentId is not null;
}
