using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Infrastructure.Persistence.Configurations;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> b)
    {
        b.ToTable("agents");
        b.HasKey(a => a.Id);
        b.Property(a => a.Username).HasMaxLength(64).IsRequired();
        b.HasIndex(a => a.Username).IsUnique();
        b.Property(a => a.PasswordHash).HasMaxLength(256).IsRequired();
        b.Property(a => a.DisplayName).HasMaxLength(100).IsRequired();
        b.Property(a => a.Phone).HasMaxLength(20).IsRequired();
        b.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.TeleCmiUserId).HasMaxLength(32);
        b.Property(a => a.TeleCmiPasswordCipher).HasMaxLength(Agent.TeleCmiPasswordCipherMaxLength);
        b.Ignore(a => a.HasTeleCmiPassword);
        // The platform's user id: unique when set (both engines allow many NULLs in a unique index).
        b.Property(a => a.ExternalId).HasMaxLength(Agent.ExternalIdMaxLength);
        b.HasIndex(a => a.ExternalId).IsUnique();
        // Compared on every authenticated request. Hex of one case only, so MySQL's case-insensitive collation is harmless.
        b.Property(a => a.SecurityStamp).HasMaxLength(Agent.SecurityStampLength).IsRequired();
    }
}
