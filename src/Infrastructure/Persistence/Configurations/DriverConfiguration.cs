using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Infrastructure.Persistence.Configurations;

internal sealed class DriverConfiguration : IEntityTypeConfiguration<Driver>
{
    public void Configure(EntityTypeBuilder<Driver> b)
    {
        b.ToTable("drivers");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).HasMaxLength(Driver.MaxIdLength).ValueGeneratedNever();
        b.Property(d => d.Name).HasMaxLength(100).IsRequired();
        b.Property(d => d.Phone).HasMaxLength(20).IsRequired();
        b.Property(d => d.TmId).HasMaxLength(50);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(d => d.Phone);
        b.HasIndex(d => d.Name);
        b.HasIndex(d => d.TmId);
        b.Property(d => d.DoNotCallReason).HasMaxLength(DoNotCallRecord.MaxReasonLength);
        b.Property(d => d.DoNotCallSource).HasConversion<string>().HasMaxLength(16);
    }
}
