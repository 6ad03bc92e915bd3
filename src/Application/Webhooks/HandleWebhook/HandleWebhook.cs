using System.Runtime.ExceptionServices;
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
using TeleCmi.Application.Webhooks.Common;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Application.Webhooks.HandleWebhook;

/// <summary>A TeleCMI webhook delivery: the URL token and the raw body.</summary>
public sealed record HandleWebhookCommand(string? Token, string Body) : ICommand<WebhookReceipt>, IManagesOwnTransaction;

/// <summary>What became of a delivery.</summary>
/// <param name="DeliveryId">Our id for the stored delivery.</param>
/// <param name="Result">received, applied, no_change, unmatched or ignored.</param>
/// <param name="CallId">The call it matched, if any.</param>
public sealed record WebhookReceipt(long DeliveryId, WebhookMatch Result, string? CallId);

public sealed class HandleWebhookHandler(IWebhookAuthenticator authenticator, IWebhookIntake intake, TimeProvider clock,
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

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(command.Body)));
        StoredWebhook stored;
        try
        {
            stored = await intake.StoreAsync(new IncomingWebhook(command.Body, hash, clock.GetUtcNow().UtcDateTime, hook));
        }
        catch (WebhookNotAppliedException notApplied)
        {
            metrics.WebhookReceived(hook.Type, "failed"); // stored raw, applied later or by hand
            ExceptionDispatchInfo.Throw(notApplied.InnerException!);
            throw;
        }
        metrics.WebhookReceived(hook.Type, TeleCmiMetrics.ResultOf(stored.Result));
        return new WebhookReceipt(stored.DeliveryId, stored.Result, stored.CallId);
    }
}
