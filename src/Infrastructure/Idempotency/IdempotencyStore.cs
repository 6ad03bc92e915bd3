using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Domain.Idempotency;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.Infrastructure.Idempotency;

/// <summary>The outcome of trying to claim an idempotency key.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim() { }

    /// <summary>The key is ours: run the request, then complete or release the claim.</summary>
    public sealed record Claimed : IdempotencyClaim;

    /// <summary>Someone used the key first; <paramref name="Record"/> is still running or holds its response.</summary>
    public sealed record Taken(IdempotencyRecord Record) : IdempotencyClaim;
}

/// <summary>
/// Idempotency keys in the database, so that every instance of the service agrees. Each operation uses its own
/// DbContext, apart from the request's, so the bookkeeping never mixes with the handler's unit of work.
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdempotencyOptions> options)
{
    private const int ClaimAttempts = 3;

    /// <summary>
    /// Inserts an in-progress row unless the key exists; the primary key makes the insert the lock. An insert that
    /// found the key means someone else has it, unless their claim vanished in between (released after a failure), in
    /// which case we try again.
    /// </summary>
    public async Task<IdempotencyClaim> ClaimAsync(int agentId, string endpoint, string key, string requestHash, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= ClaimAttempts; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = Now;
            // An expired key is a new key.
            await db.IdempotencyRecords.Where(r => r.AgentId == agentId && r.Endpoint == endpoint && r.Key == key && r.ExpiresAt < now)
                .ExecuteDeleteAsync(ct);
            var claim = IdempotencyRecord.Claim(agentId, endpoint, key, requestHash, now, now.AddSeconds(options.Value.ClaimTimeoutSeconds));
            if (await IdempotencyClaimInsert.TryInsertAsync(db, claim, ct)) return new IdempotencyClaim.Claimed();
            var existing = await db.IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.AgentId == agentId && r.Endpoint == endpoint && r.Key == key, ct);
            if (existing is not null) return new IdempotencyClaim.Taken(existing);
        }
        throw new ConflictException("A request with this Idempotency-Key is being claimed and released at the same moment. Retry shortly.");
    }

    /// <summary>Stores the response of the request that holds the claim, for the retention period.</summary>
    public async Task CompleteAsync(int agentId, string endpoint, string key, int statusCode, string? contentType, string? location, byte[] body)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var record = await db.IdempotencyRecords.FirstOrDefaultAsync(r => r.AgentId == agentId && r.Endpoint == endpoint && r.Key == key && r.StatusCode == null);
        if (record is null) return;
        var now = Now;
        record.Complete(statusCode, contentType, location, body, now, now.AddHours(options.Value.RetentionHours));
        await db.SaveChangesAsync();
    }

    /// <summary>Deletes the in-progress claim, so the key can be used again: the request changed nothing.</summary>
    public async Task ReleaseAsync(int agentId, string endpoint, string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.IdempotencyRecords.Where(r => r.AgentId == agentId && r.Endpoint == endpoint && r.Key == key && r.StatusCode == null)
            .ExecuteDeleteAsync();
    }

    /// <summary>Deletes every expired key; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Now;
        return await db.IdempotencyRecords.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
