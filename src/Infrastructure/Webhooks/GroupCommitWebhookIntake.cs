using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Observability;
using TeleCmi.Application.Webhooks.Common;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Infrastructure.Webhooks;

/// <summary>
/// Stores and applies webhook deliveries with group commit (docs/decisions/0008-webhook-group-commit.md): the deliveries
/// of concurrent requests are inserted and applied to their calls in one transaction, so one durable commit (and one
/// <c>SaveChanges</c>) stands behind many 200s instead of one each. Each request still waits until its own delivery is
/// committed; nothing is answered from memory.
/// <para>A batch that fails as a whole (a concurrent change of one of its calls, a database error, a bug in applying one
/// delivery) commits nothing, and each of its deliveries is then handled alone: inserted and applied in one transaction,
/// or, if that fails too, stored raw in a commit of its own first and applied after (retried on conflicts). A delivery
/// whose raw insert fails is answered with the error (TeleCMI retries it).</para>
/// </summary>
public sealed class GroupCommitWebhookIntake : IWebhookIntake, IAsyncDisposable
{
    private readonly Channel<Pending>[] queues;
    private readonly IServiceScopeFactory scopes;
    private readonly TeleCmiMetrics metrics;
    private readonly ILogger<GroupCommitWebhookIntake> logger;
    private readonly int maxBatch;
    private readonly Task[] writers;

    public GroupCommitWebhookIntake(IServiceScopeFactory scopes, TeleCmiMetrics metrics, IOptions<WebhookIntakeOptions> options, ILogger<GroupCommitWebhookIntake> logger)
    {
        (this.scopes, this.metrics, this.logger) = (scopes, metrics, logger);
        maxBatch = Math.Max(1, options.Value.MaxBatch);
        queues = Enumerable.Range(0, Math.Max(1, options.Value.Writers))
            .Select(_ => Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true })).ToArray();
        writers = queues.Select(queue => Task.Run(() => WriteAsync(queue.Reader))).ToArray();
    }

    /// <inheritdoc />
    public Task<StoredWebhook> StoreAsync(IncomingWebhook webhook)
    {
        var pending = new Pending(webhook, new TaskCompletionSource<StoredWebhook>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queues[WriterOf(webhook.Hook)].Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(GroupCommitWebhookIntake), "The service is stopping.");
        return pending.Done.Task;
    }

    /// <summary>Stops taking deliveries and waits until those queued are written.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var queue in queues) queue.Writer.TryComplete();
        await Task.WhenAll(writers);
    }

    /// <summary>The writer of a delivery: by the first of the ids it names its call by, so one call's deliveries share one.</summary>
    private int WriterOf(TeleCmiWebhook hook)
    {
        if (queues.Length == 1) return 0;
        var key = hook.EchoedCallId ?? hook.RequestId ?? hook.ConversationId ?? hook.LegId ?? string.Empty;
        return (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)queues.Length);
    }

    private sealed record Pending(IncomingWebhook Webhook, TaskCompletionSource<StoredWebhook> Done);

    private async Task WriteAsync(ChannelReader<Pending> queue)
    {
        var batch = new List<Pending>(maxBatch);
        while (await queue.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < maxBatch && queue.TryRead(out var pending)) batch.Add(pending);
            try
            {
                if (batch.Count == 1 || !await TryBatchAsync(batch))
                {
                    if (batch.Count > 1) metrics.WebhookBatch(batch.Count, "split");
                    foreach (var pending in batch) await StoreAloneAsync(pending);
                }
            }
            catch (Exception ex)
            {
                // Not expected (each delivery's own failure completes its own task); never leave a request waiting.
                logger.LogError(ex, "Webhook intake failed on a batch of {Count}", batch.Count);
                foreach (var pending in batch) pending.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>All of the batch in one transaction. False when nothing was committed.</summary>
    private async Task<bool> TryBatchAsync(List<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var applier = scope.ServiceProvider.GetRequiredService<WebhookApplier>();
        var applied = new List<(Pending Pending, WebhookDelivery Delivery, WebhookMatch Result)>(batch.Count);
        try
        {
            await db.KeepConnectionOpenAsync(CancellationToken.None);
            await applier.TrackCallsAsync(batch.Select(p => p.Webhook.Hook), CancellationToken.None);
            foreach (var pending in batch)
            {
                var delivery = NewDelivery(db, pending.Webhook);
                applied.Add((pending, delivery, await applier.ApplyUnsavedAsync(delivery, pending.Webhook.Hook, CancellationToken.None)));
            }
            await db.SaveChangesAsync(CancellationToken.None);
            metrics.WebhookBatch(batch.Count, "committed");
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Webhook batch of {Count} not committed; storing them one by one", batch.Count);
            return false;
        }
        foreach (var (pending, delivery, result) in applied)
        {
            metrics.WebhookDelivered(pending.Webhook.Hook.Type, pending.Webhook.Hook.Time, pending.Webhook.ReceivedAt);
            pending.Done.TrySetResult(new StoredWebhook(delivery.Id, result, delivery.CallId));
        }
        return true;
    }

    /// <summary>One delivery: inserted and applied in one transaction, else stored raw first and applied after.</summary>
    private async Task StoreAloneAsync(Pending pending)
    {
        var webhook = pending.Webhook;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
            var applier = scope.ServiceProvider.GetRequiredService<WebhookApplier>();
            await db.KeepConnectionOpenAsync(CancellationToken.None);
            var delivery = NewDelivery(db, webhook);
            WebhookMatch result;
            try
            {
                result = await applier.ApplyUnsavedAsync(delivery, webhook.Hook, CancellationToken.None);
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (Exception fastPathFailure) when (fastPathFailure is not OperationCanceledException)
            {
                db.ClearTracked();
                delivery = NewDelivery(db, webhook);
                await db.SaveChangesAsync(CancellationToken.None); // committed raw: from here on nothing is lost
                metrics.WebhookDelivered(webhook.Hook.Type, webhook.Hook.Time, webhook.ReceivedAt);
                try
                {
                    result = await applier.ApplyAsync(delivery.Id, CancellationToken.None);
                }
                catch (Exception applyFailure)
                {
                    pending.Done.TrySetException(new WebhookNotAppliedException(delivery.Id, applyFailure));
                    return;
                }
                var stored = db.WebhookDeliveries.Local.FirstOrDefault(d => d.Id == delivery.Id);
                pending.Done.TrySetResult(new StoredWebhook(delivery.Id, result, stored?.CallId));
                return;
            }
            metrics.WebhookBatch(1, "committed");
            metrics.WebhookDelivered(webhook.Hook.Type, webhook.Hook.Time, webhook.ReceivedAt);
            pending.Done.TrySetResult(new StoredWebhook(delivery.Id, result, delivery.CallId));
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
        }
    }

    private static WebhookDelivery NewDelivery(IAppDbContext db, IncomingWebhook webhook)
    {
        var hook = webhook.Hook;
        var delivery = new WebhookDelivery(webhook.Body, webhook.Hash, webhook.ReceivedAt);
        delivery.Describe(hook.Type, hook.Status, hook.Leg, hook.EchoedCallId, hook.RequestId, hook.ConversationId, hook.LegId, hook.Time);
        db.WebhookDeliveries.Add(delivery);
        return delivery;
    }
}
