using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Observability;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Application.Webhooks.Common;

/// <summary>
/// Applies stored webhook deliveries to their call logs. Matching: our call id echoed in
/// <c>extra_params</c>/<c>custom</c>, else TeleCMI's <c>request_id</c>, else a leg or conversation id
/// seen before. Unmatched deliveries stay stored and are replayed when their call appears.
/// </summary>
public sealed class WebhookApplier(IAppDbContext db, TimeProvider clock, TeleCmiMetrics metrics, ILogger<WebhookApplier> logger)
{
    private const int MaxAttempts = 8;

    /// <summary>Applies one stored delivery, retrying on a concurrency conflict.</summary>
    public async Task<WebhookMatch> ApplyAsync(long deliveryId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ClearTracked();
            var delivery = await db.WebhookDeliveries.FirstAsync(d => d.Id == deliveryId, ct);
            try
            {
                var result = await ApplyOnceAsync(delivery, parsed: null, ct);
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                logger.LogDebug("Concurrency conflict applying webhook {DeliveryId}; attempt {Attempt}", deliveryId, attempt);
            }
        }
    }

    /// <summary>
    /// Applies a delivery not stored yet (added to this context, its body already parsed) without saving: the caller
    /// saves the delivery, already processed, and the change of its call in one transaction. A concurrency conflict then
    /// fails that save like any other failure; the caller stores the delivery raw and uses
    /// <see cref="ApplyAsync(long, CancellationToken)"/>.
    /// </summary>
    public Task<WebhookMatch> ApplyUnsavedAsync(WebhookDelivery delivery, TeleCmiWebhook hook, CancellationToken ct) =>
        ApplyOnceAsync(delivery, hook, ct);

    /// <summary>
    /// Loads (and tracks) in one query the calls whose id the deliveries echo, so that applying them finds their calls
    /// without a query each.
    /// </summary>
    public async Task TrackCallsAsync(IEnumerable<TeleCmiWebhook> hooks, CancellationToken ct)
    {
        var ids = hooks.Select(h => h.EchoedCallId).OfType<string>().Distinct().ToList();
        foreach (var chunk in ids.Chunk(100))
            await db.CallLogs.Where(c => chunk.Contains(c.Id)).LoadAsync(ct);
    }

    /// <summary>Replays deliveries that arrived before their call could be matched; returns how many there were.</summary>
    public async Task<int> ReplayUnmatchedAsync(string callId, string? requestId, CancellationToken ct)
    {
        var ids = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Match == WebhookMatch.Unmatched && (d.EchoedCallId == callId || (requestId != null && d.RequestId == requestId)))
            .OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        foreach (var id in ids) metrics.WebhookReplayed(TeleCmiMetrics.ResultOf(await ApplyAsync(id, ct)));
        return ids.Count;
    }

    private async Task<WebhookMatch> ApplyOnceAsync(WebhookDelivery delivery, TeleCmiWebhook? parsed, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        TeleCmiWebhook hook;
        try
        {
            hook = parsed ?? TeleCmiWebhook.Parse(delivery.Payload);
        }
        catch (JsonException)
        {
            delivery.Processed(WebhookMatch.Ignored, null, now, "The body is not a JSON object.");
            return WebhookMatch.Ignored;
        }
        var call = await FindCallAsync(hook, ct);
        if (call is null)
        {
            delivery.Processed(WebhookMatch.Unmatched, null, now, WebhookMatchReasons.NoCall(hook));
            return WebhookMatch.Unmatched;
        }
        if (call.Provider != CallProvider.TeleCmi || hook.Type is not ("event" or "cdr"))
        {
            delivery.Processed(WebhookMatch.Ignored, call.Id, now, WebhookMatchReasons.NotUsable(call, hook));
            return WebhookMatch.Ignored;
        }
        var signal = new ProviderSignal(
            hook.Type == "cdr" ? SignalKind.Cdr : SignalKind.Event,
            LegOf(hook, call),
            hook.Status ?? string.Empty,
            hook.Time ?? delivery.ReceivedAt,
            hook.AnsweredSeconds,
            hook.HangupReason,
            hook.RecordingFile,
            hook.LegId,
            hook.ConversationId,
            hook.RequestId);
        var changed = call.Apply(signal, now);
        var match = changed ? WebhookMatch.Applied : WebhookMatch.NoChange;
        delivery.Processed(match, call.Id, now, changed ? null : WebhookMatchReasons.NothingNew);
        return match;
    }

    private async Task<CallLog?> FindCallAsync(TeleCmiWebhook hook, CancellationToken ct)
    {
        if (hook.EchoedCallId is { } callId)
        {
            var byId = await db.CallLogs.FindAsync([callId], ct); // a call already tracked (TrackCallsAsync) without a query
            if (byId is not null) return byId;
        }
        if (hook.RequestId is { } requestId)
        {
            var byRequest = await db.CallLogs.FirstOrDefaultAsync(c => c.TeleCmiRequestId == requestId, ct);
            if (byRequest is not null) return byRequest;
        }
        if (hook.LegId is { } legId)
        {
            var byLeg = await db.CallLogs.FirstOrDefaultAsync(c => c.AgentLegId == legId || c.DriverLegId == legId, ct);
            if (byLeg is not null) return byLeg;
        }
        if (hook.ConversationId is { } conversationId)
            return await db.CallLogs.FirstOrDefaultAsync(c => c.ConversationId == conversationId, ct);
        return null;
    }

    /// <summary>TeleCMI names the leg (<c>a</c> agent, <c>b</c> driver); otherwise it is inferred.</summary>
    private static CallLeg LegOf(TeleCmiWebhook hook, CallLog call)
    {
        if (hook.Leg is "a" or "agent") return CallLeg.Agent;
        if (hook.Leg is "b" or "customer" or "driver") return CallLeg.Driver;
        if (hook.LegId is not null && hook.LegId == call.AgentLegId) return CallLeg.Agent;
        if (hook.LegId is not null && hook.LegId == call.DriverLegId) return CallLeg.Driver;
        var driverDigits = call.DriverPhone.TrimStart('+');
        if (Digits(hook.To) == driverDigits || Digits(hook.From) == driverDigits) return CallLeg.Driver;
        return hook.To is not null ? CallLeg.Agent : CallLeg.Driver;
    }

    private static string? Digits(string? value) => value is null ? null : new string(value.Where(char.IsAsciiDigit).ToArray());
}
