using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Common;

namespace TeleCmi.Application.Auth.IssueToken;

/// <summary>
/// Signs an agent in. <paramref name="Username"/> is the agent's username or their phone number in any common Indian
/// format (<c>98000 00002</c>, <c>098000 00002</c>, <c>+91 98000 00002</c>, <c>919800000002</c>).
/// </summary>
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
    private const string Refusal = "Wrong username, phone number or password.";

    /// <summary>Most agents one sign-in checks a password against (a phone number several agents share).</summary>
    private const int MaxCandidates = 5;

    public async ValueTask<TokenResponse> Handle(IssueTokenCommand command, CancellationToken cancellationToken)
    {
        // The name is a username, or a phone number read as E.164. Digits-only usernames exist, so both are looked up in
        // one query, and the password decides: the account signed in is the one, and only one, whose password matches.
        var username = Agent.NormaliseUsername(command.Username);
        var phone = PhoneNumber.TryParse(command.Username, out var parsed) ? parsed!.E164 : null;
        var candidates = await db.Agents.AsNoTracking()
            .Where(a => a.Username == username || (phone != null && a.Phone == phone))
            .OrderBy(a => a.Username == username ? 0 : 1).ThenBy(a => a.Id)
            .Take(MaxCandidates)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            hasher.Verify(dummyHash ??= hasher.Hash(Guid.NewGuid().ToString()), command.Password); // similar timing for unknown users
            throw new UnauthorizedException(Refusal);
        }
        var matching = candidates.Where(a => hasher.Verify(a.PasswordHash, command.Password)).ToList();
        // Two accounts behind one phone number with the same password cannot be told apart: neither is chosen.
        if (matching is not [{ IsActive: true } agent]) throw new UnauthorizedException(Refusal);
        var token = issuer.Issue(agent);
        return new TokenResponse(token.Token, "Bearer", token.ExpiresInSeconds);
    }

    private static string? dummyHash;
}
