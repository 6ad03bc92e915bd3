namespace TeleCmi.Domain.Idempotency;

/// <summary>
/// One use of an <c>Idempotency-Key</c> by one agent on one endpoint: first a claim while the request runs,
/// then the response it produced, so a retry with the same key gets the same answer instead of a second call.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Longest key accepted, as in Stripe's API.</summary>
    public const int MaxKeyLength = 255;

    private IdempotencyRecord() { }

    /// <summary>The agent who sent the key; keys never cross agents.</summary>
    public int AgentId { get; private set; }
    /// <summary>Method and route, e.g. <c>POST /api/calls</c>.</summary>
    public string Endpoint { get; private set; } = string.Empty;
    public string Key { get; private set; } = string.Empty;
    /// <summary>SHA-256 of the request body, hex; a reuse with another body is refused.</summary>
    public string RequestHash { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    /// <summary>After this the row may be purged and the key used afresh.</summary>
    public DateTime ExpiresAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    /// <summary>The stored response's status; null while the first request still runs.</summary>
    public int? StatusCode { get; private set; }
    public string? ContentType { get; private set; }
    public string? Location { get; private set; }
    public byte[]? Body { get; private set; }

    public bool IsCompleted => StatusCode is not null;

    /// <summary>Claims a key for a request that is about to run. Held until <paramref name="claimExpiresAtUtc"/> if the process dies.</summary>
    public static IdempotencyRecord Claim(int agentId, string endpoint, string key, string requestHash, DateTime nowUtc, DateTime claimExpiresAtUtc)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
            throw new ArgumentOutOfRangeException(nameof(key), $"An idempotency key has 1 to {MaxKeyLength} characters.");
        return new IdempotencyRecord
        {
            AgentId = agentId, Endpoint = endpoint, Key = key, RequestHash = requestHash, CreatedAt = nowUtc, ExpiresAt = claimExpiresAtUtc,
        };
    }

    /// <summary>Whether a retry carries the same body as the request that claimed the key.</summary>
    public bool IsSameRequest(string requestHash) => string.Equals(RequestHash, requestHash, StringComparison.Ordinal);

    /// <summary>Keeps the response so retries replay it. A completed record never changes again.</summary>
    public void Complete(int statusCode, string? contentType, string? location, byte[] body, DateTime nowUtc, DateTime keepUntilUtc)
    {
        if (IsCompleted) throw new InvalidOperationException("This idempotency key already holds a response.");
        StatusCode = statusCode;
        ContentType = contentType;
        Location = location;
        Body = body;
        CompletedAt = nowUtc;
        ExpiresAt = keepUntilUtc;
    }
}
