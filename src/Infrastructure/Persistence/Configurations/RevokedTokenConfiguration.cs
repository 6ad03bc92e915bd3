using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Infrastructure.Persistence.Configurations;

internal sealed class RevokedTokenConfiguration : IEntityTypeConfiguration<RevokedToken>
{
    public void Configure(EntityTypeBuilder<RevokedToken> b)
    {
        b.ToTable("revoked_tokens");
        // The key is what every authenticated request probes (NOT EXISTS by token id), on any instance.
        b.HasKey(t => t.TokenId);
        // Our ids are lower-case hex, so MySQL's case-insensitive collation cannot make two of them equal.
        b.Property(t => t.TokenId).HasMaxLength(RevokedToken.MaxTokenIdLength);
        b.HasIndex(t => t.ExpiresAt);
    }
}
