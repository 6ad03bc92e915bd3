using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Common.Interfaces;

/// <summary>The signed-in agent, from the validated access token.</summary>
public interface ICurrentUser
{
    int? AgentId { get; }
    AgentRole? Role { get; }
    bool IsAuthenticated => AgentId is not null;
}
