using Microsoft.EntityFrameworkCore;
using TeleCmi.Domain.Idempotency;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.Infrastructure.Idempotency;

/// <summary>
/// Inserts a claim unless its key exists, without an error. An insert that hits the primary key would be right too, but
/// EF logs every such failure at Error with two stack traces, and a replay or a race for one key is an expected outcome.
/// </summary>
internal static class IdempotencyClaimInsert
{
    /// <summary>Whether the row was inserted (false: the key was there already).</summary>
    public static async Task<bool> TryInsertAsync(AppDbContext db, IdempotencyRecord claim, CancellationToken ct)
    {
        // Parameters, never text: EF maps each value with the column's type (DateTime as SQLite stores it, datetime(6) on MySQL).
        var (agentId, endpoint, key, hash, createdAt, expiresAt) =
            (claim.AgentId, claim.Endpoint, claim.Key, claim.RequestHash, claim.CreatedAt, claim.ExpiresAt);
        var inserted = db.Database.IsSqlite()
            ? await db.Database.ExecuteSqlAsync($"""
                INSERT OR IGNORE INTO "idempotency_records" ("AgentId", "Endpoint", "Key", "RequestHash", "CreatedAt", "ExpiresAt")
                VALUES ({agentId}, {endpoint}, {key}, {hash}, {createdAt}, {expiresAt})
                """, ct)
            // INSERT IGNORE, not ON DUPLICATE KEY UPDATE: with the client's found-rows flag (MySqlConnector's default) a
            // no-op update also counts 1 row, so a duplicate could not be told from an insert. The values are validated
            // before (key length, hash), so IGNORE has no other error to hide.
            : await db.Database.ExecuteSqlAsync($"""
                INSERT IGNORE INTO `idempotency_records` (`AgentId`, `Endpoint`, `Key`, `RequestHash`, `CreatedAt`, `ExpiresAt`)
                VALUES ({agentId}, {endpoint}, {key}, {hash}, {createdAt}, {expiresAt})
                """, ct);
        return inserted == 1;
    }
}
