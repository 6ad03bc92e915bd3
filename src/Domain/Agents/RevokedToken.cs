namespace TeleCmi.Domain.Agents;

/// <summary>
/// An access token ended by signing out (its <c>jti</c>), refused until it would have expired anyway. Only that token
/// ends: the agent's other devices stay signed in.
/// </summary>
public sealed class RevokedToken
{
    /// <summary>Longest token id kept; ours are 32 hex digits.</summary>
    public const int MaxTokenIdLength = 64;

    private RevokedToken() { }

    /// <summary>The token's <c>jti</c> claim.</summary>
    public string TokenId { get; private set; } = string.Empty;
    /// <summary>Whose token it was.</summary>
    public int AgentId { get; private set; }
    public DateTime RevokedAt { get; private set; }
    /// <summary>When the token stops validating by itself; after this the row may be purged.</summary>
    public DateTime ExpiresAt { get; private set; }

    /// <summary>Ends the token <paramref name="tokenId"/> of <paramref name="agentId"/>, remembered until <paramref name="expiresAtUtc"/>.</summary>
    public static RevokedToken Revoke(string tokenId, int agentId, DateTime expiresAtUtc, DateTime nowUtc)
    {
        if (string.IsNullOrEmpty(tokenId) || tokenId.Length > MaxTokenIdLength)
            throw new ArgumentOutOfRangeException(nameof(tokenId), $"A token id has 1 to {MaxTokenIdLength} characters.");
        return new RevokedToken { TokenId = tokenId, AgentId = agentId, RevokedAt = nowUtc, ExpiresAt = expiresAtUtc };
    }
}
