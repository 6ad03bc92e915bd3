using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhook_deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.Payload).IsRequired();
        b.Property(d => d.PayloadHash).HasMaxLength(64).IsRequired();
        b.Property(d => d.Type).HasMaxLength(32);
        b.Property(d => d.Status).HasMaxLength(32);
        b.Property(d => d.Leg).HasMaxLength(16);
        b.Property(d => d.CallId).HasMaxLength(64);
        b.Property(d => d.EchoedCallId).HasMaxLength(64);
        b.Property(d => d.RequestId).HasMaxLength(128);
        b.Property(d => d.ConversationId).HasMaxLength(128);
        b.Property(d => d.LegId).HasMaxLength(128);
        b.Property(d => d.Match).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Reason).HasMaxLength(WebhookDelivery.MaxReasonLength);
        b.Ignore(d => d.IsMatched);
        b.HasIndex(d => d.PayloadHash);
        b.HasIndex(d => new { d.Match, d.EchoedCallId });
        b.HasIndex(d => new { d.Match, d.RequestId });
        // The admins' list: matched or not (CallId null or not), newest first, in (ReceivedAt, Id) keyset order.
        b.HasIndex(d => new { d.CallId, d.ReceivedAt });
        b.HasIndex(d => d.ReceivedAt);
    }
}
