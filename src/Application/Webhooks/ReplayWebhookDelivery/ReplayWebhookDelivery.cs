using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Webhooks.Common;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Application.Webhooks.ReplayWebhookDelivery;

/// <summary>
/// Applies a stored webhook delivery again (admins), for example after its call was restored from a backup: the stored body
/// goes through the same matching and the same <c>CallLog</c> aggregate as a live delivery. Harmless to repeat: provider
/// facts merge as maxima, so a delivery already applied changes nothing the second time (<c>changed</c> false).
/// </summary>
[Authorize(AgentRole.Admin)]
public sealed record ReplayWebhookDeliveryCommand(long Id) : ICommand<WebhookReplayResult>, IManagesOwnTransaction;

/// <summary>What a replay did.</summary>
/// <param name="DeliveryId">The delivery replayed.</param>
/// <param name="Result">What this application did: applied (the call changed), no_change, or ignored (matched a call it cannot apply to).</param>
/// <param name="Matched">Always true in a 200: a delivery that still matches no call is a 409.</param>
/// <param name="Changed">Whether this replay changed the call.</param>
/// <param name="CallId">The call it matched.</param>
/// <param name="Reason">Why it changed nothing, when it did not.</param>
public sealed record WebhookReplayResult(long DeliveryId, WebhookMatch Result, bool Matched, bool Changed, string? CallId, string? Reason);

public sealed class ReplayWebhookDeliveryHandler(IAppDbContext db, WebhookApplier applier, ILogger<ReplayWebhookDeliveryHandler> logger)
    : ICommandHandler<ReplayWebhookDeliveryCommand, WebhookReplayResult>
{
    public async ValueTask<WebhookReplayResult> Handle(ReplayWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        if (!await db.WebhookDeliveries.AnyAsync(d => d.Id == command.Id, cancellationToken))
            throw new NotFoundException($"No webhook delivery {command.Id}.");
        // Not cancelled half-way: the call's change and the delivery's new state are saved together.
        var result = await applier.ApplyAsync(command.Id, CancellationToken.None);
        var delivery = await db.WebhookDeliveries.AsNoTracking().FirstAsync(d => d.Id == command.Id, CancellationToken.None);
        logger.LogInformation("Webhook delivery {DeliveryId} replayed: {Result}, call {CallId}", delivery.Id, result, delivery.CallId);
        if (!delivery.IsMatched)
            throw new ConflictException($"Webhook delivery {delivery.Id} still matches no call: {delivery.Reason}");
        var reason = result switch
        {
            WebhookMatch.Applied => null,
            WebhookMatch.NoChange => WebhookMatchReasons.NothingNew, // kept as applied when it once applied, so said here
            _ => delivery.Reason,
        };
        return new WebhookReplayResult(delivery.Id, result, Matched: true, result == WebhookMatch.Applied, delivery.CallId, reason);
    }
}
