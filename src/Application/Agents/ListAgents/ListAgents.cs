using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Agents.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Agents.ListAgents;

/// <summary>Lists every agent (admins only).</summary>
[Authorize(AgentRole.Admin)]
public sealed record ListAgentsQuery : IQuery<IReadOnlyList<AgentDto>>;

public sealed class ListAgentsHandler(IAppDbContext db) : IQueryHandler<ListAgentsQuery, IReadOnlyList<AgentDto>>
{
    public async ValueTask<IReadOnlyList<AgentDto>> Handle(ListAgentsQuery query, CancellationToken cancellationToken)
    {
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return agents.Select(AgentDto.From).ToList();
    }
}
