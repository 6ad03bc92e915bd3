using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Observability;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Application.Webhooks;

/// <summary>A TeleCMI webhook delivery: the URL token and the raw body.</summary>
public sealed record HandleWebhookCommand(string? Token, string Body) : ICommand<WebhookReceipt>, IManagesOwnTransaction;

/// <summary>What became of a delivery.</summary>
/// <param name="DeliveryId">Our id for the stored delivery.</param>
/// <param name="Result">received, applied, no_change, unmatched or ignored.</param>
/// <param name="CallId">The call it matched, if any.</param>
public sealed record WebhookReceipt(long DeliveryId, WebhookMatch Result, string? CallId);

public sealed class HandleWebhookHandler(IAppDbContext db, IWebhookAuthenticator authenticator, WebhookApplier applier, TimeProvider clock,
    TeleCmiMetrics metrics)
    : ICommandHandler<HandleWebhookCommand, WebhookReceipt>
{
    public async ValueTask<WebhookReceipt> Handle(HandleWebhookCommand command, CancellationToken cancellationToken)
    {
        if (!authenticator.IsValid(command.Token))
        {
            metrics.WebhookReceived(null, "rejected");
            throw new UnauthorizedException("Missing or wrong webhook token.");
        }
        TeleCmiWebhook hook;
        try
        {
            hook = TeleCmiWebhook.Parse(command.Body);
        }
        catch (JsonException)
        {
            metrics.WebhookReceived(null, "invalid");
            throw new ValidationException([new ValidationFailure("body", "The webhook body must be a JSON object.")]);
        }

        // One connection for the statements below, not one from the pool (and a reset) for each.
        await db.KeepConnectionOpenAsync(CancellationToken.None);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(command.Body)));
        var receivedAt = clock.GetUtcNow().UtcDateTime;

        // Fast path: the delivery is inserted and applied to its call in one transaction, so one durable commit
        // stands behind the 200. Whatever goes wrong on it (a concurrent change of the call, a database error, a
        // bug in applying), nothing is committed, and the slow path below stores the delivery raw on its own first.
        var delivery = NewDelivery(command.Body, hash, receivedAt, hook);
        WebhookMatch result;
        try
        {
            result = await applier.ApplyNewAsync(delivery, hook, CancellationToken.None);
            metrics.WebhookDelivered(hook.Type, hook.Time, receivedAt);
        }
        catch (Exception fastPathFailure) when (fastPathFailure is not OperationCanceledException)
        {
            db.ClearTracked();
            delivery = NewDelivery(command.Body, hash, receivedAt, hook);
            await db.SaveChangesAsync(CancellationToken.None); // committed raw: from here on nothing is lost
            metrics.WebhookDelivered(hook.Type, hook.Time, receivedAt);
            try
            {
                result = await applier.ApplyAsync(delivery.Id, CancellationToken.None);
            }
            catch
            {
                metrics.WebhookReceived(hook.Type, "failed"); // stored raw, applied later or by hand
                throw;
            }
        }
        metrics.WebhookReceived(hook.Type, TeleCmiMetrics.ResultOf(result));
        var stored = db.WebhookDeliveries.Local.FirstOrDefault(d => d.Id == delivery.Id);
        return new WebhookReceipt(delivery.Id, result, stored?.CallId);
    }

    private WebhookDelivery NewDelivery(string body, string hash, DateTime receivedAt, TeleCmiWebhook hook)
    {
        var delivery = new WebhookDelivery(body, hash, receivedAt);
        delivery.Describe(hook.Type, hook.Status, hook.Leg, hook.EchoedCallId, hook.RequestId, hook.ConversationId, hook.LegId, hook.Time);
        db.WebhookDeliveries.Add(delivery);
        return delivery;
    }
}
