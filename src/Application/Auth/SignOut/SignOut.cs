using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Auth.SignOut;

/// <summary>
/// Ends the presented token, and only it: the agent's other devices stay signed in. Changing the agent's rights or
/// password is what ends all of their tokens.
/// </summary>
/// <remarks>One insert needs no transaction of its own, and a duplicate-key failure must not abort one it would share.</remarks>
[Authorize]
public sealed record SignOutCommand : ICommand<Unit>, IManagesOwnTransaction;

public sealed class SignOutHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SignOutCommand, Unit>
{
    public async ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        if (user.AgentId is not { } agentId || user.TokenId is not { } tokenId || user.TokenExpiresAt is not { } expiresAt)
            throw new UnauthorizedException("The token does not name a session.");
        db.RevokedTokens.Add(RevokedToken.Revoke(tokenId, agentId, expiresAt, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same token signed out twice at once: the other request did it.
            if (!await IsRevokedAsync(tokenId)) throw;
        }
        return Unit.Value;
    }

    private async Task<bool> IsRevokedAsync(string tokenId)
    {
        db.ClearTracked();
        return await db.RevokedTokens.AnyAsync(t => t.TokenId == tokenId);
    }
}
