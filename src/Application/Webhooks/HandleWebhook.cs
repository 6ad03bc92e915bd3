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

        // Stored raw first and committed on its own, so nothing TeleCMI tells us is lost even if applying fails.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(command.Body)));
        var delivery = new WebhookDelivery(command.Body, hash, clock.GetUtcNow().UtcDateTime);
        delivery.Describe(hook.Type, hook.Status, hook.Leg, hook.EchoedCallId, hook.RequestId, hook.ConversationId, hook.LegId, hook.Time);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(CancellationToken.None);
        metrics.WebhookDelivered(hook.Type, hook.Time, delivery.ReceivedAt);

        WebhookMatch result;
        try
        {
            result = await applier.ApplyStoredAsync(delivery, hook, CancellationToken.None);
        }
        catch
        {
            metrics.WebhookReceived(hook.Type, "failed"); // the raw delivery is already stored: nothing is lost
            throw;
        }
        metrics.WebhookReceived(hook.Type, TeleCmiMetrics.ResultOf(result));
        var stored = db.WebhookDeliveries.Local.FirstOrDefault(d => d.Id == delivery.Id);
        return new WebhookReceipt(delivery.Id, result, stored?.CallId);
    }
}
