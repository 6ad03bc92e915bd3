using System.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Audit;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Drivers;
using TeleCmi.Domain.Idempotency;
using TeleCmi.Domain.Reports;
using TeleCmi.Domain.Webhooks;
using TeleCmi.Infrastructure.Jobs.Leases;

namespace TeleCmi.Infrastructure.Persistence;

/// <summary>The service's database: SQLite by default, MySQL/MariaDB in production.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IAppDbContext, IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core Data Protection's key ring, shared by every instance that uses this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Driver> Drivers => Set<Driver>();
    public DbSet<CallLog> CallLogs => Set<CallLog>();
    public DbSet<CallChange> CallChanges => Set<CallChange>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<RollupDay> RollupDays => Set<RollupDay>();
    public DbSet<RollupFigure> RollupFigures => Set<RollupFigure>();
    public DbSet<StaleRollupDay> StaleRollupDays => Set<StaleRollupDay>();
    public DbSet<RevokedToken> RevokedTokens => Set<RevokedToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    /// <summary>Leases that let one instance at a time run a background job (<see cref="IJobLease"/>).</summary>
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<DoNotCallRecord> DoNotCallRecords => Set<DoNotCallRecord>();

    public void ClearTracked() => ChangeTracker.Clear();

    public Task KeepConnectionOpenAsync(CancellationToken cancellationToken) => Database.OpenConnectionAsync(cancellationToken);

    public Task ReleaseConnectionAsync() => Database.CloseConnectionAsync();

    // Microsoft.Data.Sqlite turns every level but ReadUncommitted into BEGIN IMMEDIATE (serialisable, writer lock taken).
    public Task<IDbContextTransaction> BeginReadCommittedTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // MySQL's default collation ignores case; idempotency keys are case-sensitive, as on SQLite.
        if (Database.IsMySql())
            modelBuilder.Entity<IdempotencyRecord>().Property(r => r.Key).UseCollation("utf8mb4_bin");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is UTC; the database stores it without a zone, so the kind is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
