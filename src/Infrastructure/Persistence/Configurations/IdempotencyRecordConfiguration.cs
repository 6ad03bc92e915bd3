using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeleCmi.Domain.Idempotency;

namespace TeleCmi.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_records");
        // The primary key is the lock: of several instances inserting the same claim, exactly one succeeds.
        b.HasKey(r => new { r.AgentId, r.Endpoint, r.Key });
        b.Property(r => r.AgentId).ValueGeneratedNever();
        b.Property(r => r.Endpoint).HasMaxLength(64);
        b.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        b.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentType).HasMaxLength(128);
        b.Property(r => r.Location).HasMaxLength(512);
        b.Ignore(r => r.IsCompleted);
        b.HasIndex(r => r.ExpiresAt);
    }
}
