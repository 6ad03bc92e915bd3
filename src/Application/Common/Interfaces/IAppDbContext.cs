using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Audit;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Drivers;
using TeleCmi.Domain.Reports;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Application.Common.Interfaces;

/// <summary>The unit of work. EF Core's DbContext already is one; no repository on top.</summary>
public interface IAppDbContext
{
    DbSet<Agent> Agents { get; }
    DbSet<Driver> Drivers { get; }
    DbSet<CallLog> CallLogs { get; }
    DbSet<CallChange> CallChanges { get; }
    DbSet<WebhookDelivery> WebhookDeliveries { get; }
    DbSet<RollupDay> RollupDays { get; }
    DbSet<RollupFigure> RollupFigures { get; }
    DbSet<StaleRollupDay> StaleRollupDays { get; }
    DbSet<RevokedToken> RevokedTokens { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<DoNotCallRecord> DoNotCallRecords { get; }
    DatabaseFacade Database { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
    /// <summary>Forgets tracked entities, e.g. before retrying after a concurrency conflict.</summary>
    void ClearTracked();
    /// <summary>
    /// Opens the connection now and keeps it until the context is disposed (the end of the request), so the request's
    /// commands share one pooled connection instead of taking, resetting and returning one around each command.
    /// </summary>
    Task KeepConnectionOpenAsync(CancellationToken cancellationToken);
    /// <summary>Gives the connection kept open by <see cref="KeepConnectionOpenAsync"/> back to the pool before the request
    /// ends (a long-lived response that needs the database no more).</summary>
    Task ReleaseConnectionAsync();
    /// <summary>
    /// Begins a transaction in which every statement reads what other transactions committed before it ran (READ
    /// COMMITTED on MySQL/MariaDB; SQLite's <c>BEGIN IMMEDIATE</c>, which also takes the database's write lock at once).
    /// Used where a statement first waits for a row lock and what follows must see the work of the lock's previous holder.
    /// </summary>
    Task<IDbContextTransaction> BeginReadCommittedTransactionAsync(CancellationToken cancellationToken);
}
