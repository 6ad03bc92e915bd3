using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.Infrastructure.Jobs.Leases;

/// <summary>
/// <see cref="IJobLease"/> on the <c>job_leases</c> table, the same on SQLite and MySQL/MariaDB. Taking a lease is a
/// conditional UPDATE (the row is ours, or expired) and, when no row exists yet, an INSERT that ignores a duplicate key:
/// the database decides the winner (InnoDB's row lock re-checks the condition; SQLite serialises writers), never
/// memory in one process.
/// </summary>
public sealed class DatabaseJobLease(AppDbContext db, TimeProvider clock) : IJobLease
{
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        Check(name, holder, duration);
        var now = Now();
        var expires = now + duration;
        var taken = await db.Set<JobLease>()
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.AcquiredAt, l => l.Holder == holder ? l.AcquiredAt : now)
                .SetProperty(l => l.Holder, holder)
                .SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        if (taken > 0) return true;

        var insert = db.Database.IsSqlite() ? "INSERT OR IGNORE" : "INSERT IGNORE";
#pragma warning disable EF1002 // Only the verb is spliced in, from the two constants above; the values are parameters.
        var inserted = await db.Database.ExecuteSqlRawAsync(
            insert + " INTO job_leases (Name, Holder, ExpiresAt, AcquiredAt) VALUES ({0}, {1}, {2}, {3})",
            [name, holder, expires, now], cancellationToken);
#pragma warning restore EF1002
        return inserted > 0;
    }

    public async Task<bool> RenewAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        Check(name, holder, duration);
        var expires = Now() + duration;
        return await db.Set<JobLease>()
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expires), cancellationToken) > 0;
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        await db.Set<JobLease>().Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(cancellationToken);

    // Whole milliseconds: what both engines store exactly, so a time read back compares equal to the one written.
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private static void Check(string name, string holder, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, JobLease.MaxNameLength, nameof(name));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holder.Length, JobLease.MaxHolderLength, nameof(holder));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero, nameof(duration));
    }
}
