using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeleCmi.Domain.Reports;

namespace TeleCmi.Infrastructure.Persistence.Configurations;

internal sealed class RollupDayConfiguration : IEntityTypeConfiguration<RollupDay>
{
    public void Configure(EntityTypeBuilder<RollupDay> b)
    {
        b.ToTable("report_days");
        b.HasKey(d => new { d.Zone, d.Day });
        b.Property(d => d.Zone).HasMaxLength(64);
    }
}

internal sealed class RollupFigureConfiguration : IEntityTypeConfiguration<RollupFigure>
{
    public void Configure(EntityTypeBuilder<RollupFigure> b)
    {
        b.ToTable("report_day_figures");
        // Clustered by day on MySQL: a range of days is one contiguous read of the table itself.
        b.HasKey(f => new { f.Zone, f.Day, f.Provider });
        b.Property(f => f.Zone).HasMaxLength(64);
        b.Property(f => f.Provider).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class StaleRollupDayConfiguration : IEntityTypeConfiguration<StaleRollupDay>
{
    public void Configure(EntityTypeBuilder<StaleRollupDay> b)
    {
        b.ToTable("report_stale_days");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedOnAdd();
        b.HasIndex(s => s.Day);
    }
}
