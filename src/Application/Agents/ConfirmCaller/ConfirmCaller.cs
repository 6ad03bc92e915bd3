using FluentValidation;
using Mediator;
using TeleCmi.Application.Agents.Common;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;

namespace TeleCmi.Application.Agents.ConfirmCaller;

/// <summary>
/// Confirms that a caller id the client sent (the seed app's <c>caller_id</c>) is the signed-in agent's platform id
/// (<c>externalId</c>). The caller is always the signed-in agent: an id naming anyone else is refused (403), never obeyed.
/// </summary>
/// <param name="CallerId">The platform's user id the client says it acts as.</param>
[Authorize]
public sealed record ConfirmCallerQuery(string? CallerId) : IQuery<SignedInAgent>;

public sealed class ConfirmCallerValidator : AbstractValidator<ConfirmCallerQuery>
{
    public ConfirmCallerValidator() => RuleFor(x => x.CallerId).NotEmpty().MaximumLength(64);
}

public sealed class ConfirmCallerHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ConfirmCallerQuery, SignedInAgent>
{
    public async ValueTask<SignedInAgent> Handle(ConfirmCallerQuery query, CancellationToken cancellationToken)
    {
        var agent = await SignedInAgent.ReadAsync(db.Agents, user.AgentId ?? throw new UnauthorizedException("Sign in first."), cancellationToken);
        var sent = query.CallerId!.Trim();
        if (agent.ExternalId is null)
            throw new ForbiddenException("Your account has no platform user id, so the caller id cannot be confirmed. Ask an admin to set your externalId.");
        if (!string.Equals(agent.ExternalId, sent, StringComparison.Ordinal))
            throw new ForbiddenException($"Caller id '{Shorten(sent)}' is not the signed-in agent: you may only act as yourself (your platform id is {agent.ExternalId}).");
        return agent;
    }

    private static string Shorten(string text) => text.Length > 64 ? text[..64] + "…" : text;
}
