using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Infrastructure.Persistence.Configurations;

internal sealed class CallChangeConfiguration : IEntityTypeConfiguration<CallChange>
{
    public void Configure(EntityTypeBuilder<CallChange> b)
    {
        b.ToTable("call_changes");
        // The primary key only: every read is a range of ids (after a cursor; the oldest for pruning), and the insert,
        // part of every webhook's transaction, stays one append to the end of one index.
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedOnAdd();
        b.Property(c => c.CallId).HasMaxLength(64).IsRequired();
    }
}
