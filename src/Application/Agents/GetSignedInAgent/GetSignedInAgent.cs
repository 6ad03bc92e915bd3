using Mediator;
using TeleCmi.Application.Agents.Common;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;

namespace TeleCmi.Application.Agents.GetSignedInAgent;

/// <summary>The signed-in agent's own platform id and phone (the seed's routes show them as <c>caller_id</c>, <c>caller_number</c>).</summary>
[Authorize]
public sealed record GetSignedInAgentQuery : IQuery<SignedInAgent>;

public sealed class GetSignedInAgentHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetSignedInAgentQuery, SignedInAgent>
{
    public async ValueTask<SignedInAgent> Handle(GetSignedInAgentQuery query, CancellationToken cancellationToken) =>
        await SignedInAgent.ReadAsync(db.Agents, user.AgentId ?? throw new UnauthorizedException("Sign in first."), cancellationToken);
}
