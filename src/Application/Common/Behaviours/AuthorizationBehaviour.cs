using System.Reflection;
using Mediator;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;

namespace TeleCmi.Application.Common.Behaviours;

/// <summary>Enforces <see cref="AuthorizeAttribute"/> declared on the request type.</summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly AuthorizeAttribute? Rule = typeof(TMessage).GetCustomAttribute<AuthorizeAttribute>();

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Rule is not null)
        {
            if (user.AgentId is null || user.Role is null) throw new UnauthorizedException("Sign in first: this request needs a valid access token.");
            if (Rule.Roles.Length > 0 && !Rule.Roles.Contains(user.Role.Value))
                throw new ForbiddenException($"This needs the role {string.Join(" or ", Rule.Roles.Select(r => r.ToString().ToLowerInvariant()))}.");
        }
        return next(message, cancellationToken);
    }
}
