using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.Infrastructure.Jobs;

/// <summary>
/// Deletes signed-out tokens that could no longer validate anyway, so <c>revoked_tokens</c> holds at most a token
/// lifetime's worth of sign-outs. Safe on several instances: deleting twice is harmless.
/// </summary>
public sealed class RevokedTokenPurge(AppDbContext db, TimeProvider clock, ILogger<RevokedTokenPurge> logger) : IPeriodicJob
{
    /// <summary>How often the job runs. A late purge only keeps a few rows longer.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Kept past the token's expiry by more than the validation's clock skew (30 s), so no token outlives its row.</summary>
    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - KeptAfterExpiry;
        var purged = await db.RevokedTokens.Where(t => t.ExpiresAt < before).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0) logger.LogInformation("Purged {Count} expired signed-out token(s)", purged);
    }
}
