using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Application.Webhooks.Common;

/// <summary>
/// The port that stores a webhook delivery and applies it to its call. How deliveries are written (in Infrastructure:
/// several requests' deliveries in one transaction, docs/decisions/0008-webhook-group-commit.md) is not the use case's
/// concern; that the delivery is committed when the task completes is.
/// </summary>
public interface IWebhookIntake
{
    /// <summary>
    /// Stores and applies one delivery; completes once it is committed. Throws <see cref="WebhookNotAppliedException"/>
    /// when the delivery was stored but applying it failed, and any other exception when it was not stored.
    /// </summary>
    Task<StoredWebhook> StoreAsync(IncomingWebhook webhook);
}

/// <summary>A webhook delivery to store and apply: its raw body, already parsed.</summary>
public sealed record IncomingWebhook(string Body, string Hash, DateTime ReceivedAt, TeleCmiWebhook Hook);

/// <summary>A stored delivery: our id, what it did, the call it matched.</summary>
public sealed record StoredWebhook(long DeliveryId, WebhookMatch Result, string? CallId);

/// <summary>A delivery was stored (committed raw) but applying it to its call failed; it can be replayed later.</summary>
public sealed class WebhookNotAppliedException(long deliveryId, Exception inner)
    : Exception($"Webhook delivery {deliveryId} was stored but not applied.", inner)
{
    public long DeliveryId { get; } = deliveryId;
}
