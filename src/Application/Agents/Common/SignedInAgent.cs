using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Agents.Common;

/// <summary>What a client may know of its own signed-in agent.</summary>
/// <param name="AgentId">Our agent id.</param>
/// <param name="ExternalId">The platform's user id, if an admin set one.</param>
/// <param name="Phone">The agent's phone, E.164.</param>
/// <param name="TeleCmiCallingAllowed">The agent may place calls through TeleCMI.</param>
public sealed record SignedInAgent(int AgentId, string? ExternalId, string Phone, bool TeleCmiCallingAllowed)
{
    /// <summary>Reads the agent, or throws 401 when the account no longer exists.</summary>
    public static async Task<SignedInAgent> ReadAsync(IQueryable<Agent> agents, int agentId, CancellationToken ct) =>
        await agents.AsNoTracking().Where(a => a.Id == agentId)
            .Select(a => new SignedInAgent(a.Id, a.ExternalId, a.Phone, a.TeleCmiCallingAllowed))
            .FirstOrDefaultAsync(ct) ?? throw new UnauthorizedException("Your account no longer exists.");
}
