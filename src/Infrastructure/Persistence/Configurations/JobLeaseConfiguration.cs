using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeleCmi.Infrastructure.Jobs.Leases;

namespace TeleCmi.Infrastructure.Persistence.Configurations;

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("job_leases");
        // The primary key is what makes two first acquisitions collide: only one INSERT of a name can succeed.
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(JobLease.MaxNameLength);
        b.Property(l => l.Holder).HasMaxLength(JobLease.MaxHolderLength);
    }
}
