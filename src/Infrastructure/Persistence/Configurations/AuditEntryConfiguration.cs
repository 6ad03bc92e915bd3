using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeleCmi.Domain.Audit;

namespace TeleCmi.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.EntityType).HasMaxLength(AuditEntry.MaxTypeLength).IsRequired();
        b.Property(e => e.EntityId).HasMaxLength(AuditEntry.MaxEntityIdLength).IsRequired();
        b.Property(e => e.Action).HasMaxLength(AuditEntry.MaxActionLength).IsRequired();
        // Feedback text (200) and remarks/notes (2000 each) before and after fit easily; TEXT on both engines.
        b.Property(e => e.Changes).IsRequired();
        // A call's history, and the admin list by entity, newest first by id; and the admin list by time.
        b.HasIndex(e => new { e.EntityType, e.EntityId, e.Id });
        b.HasIndex(e => e.OccurredAt);
    }
}
