using System.Collections.Concurrent;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.Infrastructure.Secrets;

/// <summary>
/// TeleCMI user tokens in this instance's memory. Each instance logs in once per TeleCMI user and keeps the token until
/// TeleCMI refuses it; a restart or another instance only costs one more login. Tokens are dropped a little before the
/// 30 days TeleCMI gives them, so an expired one is rarely tried at all.
/// </summary>
public sealed class InMemoryTeleCmiUserTokens(TimeProvider clock) : ITeleCmiUserTokens
{
    /// <summary>How long a token is kept at most (TeleCMI's own lifetime is 30 days).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(29);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Obtained)> tokens = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string? Find(string userId) =>
        tokens.TryGetValue(userId, out var kept) && clock.GetUtcNow() - kept.Obtained < MaxAge ? kept.Token : null;

    /// <inheritdoc />
    public void Remember(string userId, string token) => tokens[userId] = (token, clock.GetUtcNow());

    /// <inheritdoc />
    public void Forget(string userId, string token)
    {
        if (tokens.TryGetValue(userId, out var kept) && kept.Token == token)
            tokens.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(userId, kept));
    }
}
