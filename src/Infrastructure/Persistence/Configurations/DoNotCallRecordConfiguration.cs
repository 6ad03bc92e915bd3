using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Infrastructure.Persistence.Configurations;

internal sealed class DoNotCallRecordConfiguration : IEntityTypeConfiguration<DoNotCallRecord>
{
    public void Configure(EntityTypeBuilder<DoNotCallRecord> b)
    {
        b.ToTable("do_not_call_records");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.Property(r => r.DriverId).HasMaxLength(Driver.MaxIdLength).IsRequired();
        b.Property(r => r.Reason).HasMaxLength(DoNotCallRecord.MaxReasonLength).IsRequired();
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        b.Ignore(r => r.IsActive);
        // A driver's records, the open one found by LiftedAt IS NULL.
        b.HasIndex(r => new { r.DriverId, r.LiftedAt });
    }
}
