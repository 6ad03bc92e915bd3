using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Auth.IssueToken;

/// <summary>Signs an agent in.</summary>
public sealed record IssueTokenCommand(string Username, string Password) : IRequest<TokenResponse>;

/// <summary>A bearer token for the <c>Authorization</c> header.</summary>
/// <param name="AccessToken">The JWT.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until the token expires.</param>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

public sealed class IssueTokenValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenValidator()
    {
        RuleFor(x => x.Username).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(256);
    }
}

public sealed class IssueTokenHandler(IAppDbContext db, IPasswordHasher hasher, IAccessTokenIssuer issuer)
    : IRequestHandler<IssueTokenCommand, TokenResponse>
{
    // Same message for an unknown user, a wrong password and a disabled account: no account probing.
    private const string Refusal = "Wrong username or password.";

    public async ValueTask<TokenResponse> Handle(IssueTokenCommand command, CancellationToken cancellationToken)
    {
        var username = Agent.NormaliseUsername(command.Username);
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Username == username, cancellationToken);
        if (agent is null)
        {
            hasher.Verify(dummyHash ??= hasher.Hash(Guid.NewGuid().ToString()), command.Password); // similar timing for unknown users
            throw new UnauthorizedException(Refusal);
        }
        if (!hasher.Verify(agent.PasswordHash, command.Password) || !agent.IsActive) throw new UnauthorizedException(Refusal);
        var token = issuer.Issue(agent);
        return new TokenResponse(token.Token, "Bearer", token.ExpiresInSeconds);
    }

    private static string? dummyHash;
}
