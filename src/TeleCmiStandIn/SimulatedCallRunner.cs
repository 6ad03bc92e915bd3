using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TeleCmi.StandIn;

/// <summary>
/// Plays each placed call's webhooks to the service's webhook URL (<see cref="StandInWebhookTarget"/>), a
/// configurable spacing apart, the way TeleCMI would post
/// them. Runs in the background so the calls carry on after the click2call request ends.
/// </summary>
public sealed class SimulatedCallRunner(
    SimulatorCallQueue queue,
    SimulatorLiveCalls live,
    SimulatorCallRecords records,
    TimeProvider clock,
    StandInWebhookTarget target,
    IHttpClientFactory clients,
    IOptionsMonitor<StandInAccountOptions> account,
    IOptionsMonitor<StandInOptions> simulator,
    ILogger<SimulatedCallRunner> logger) : BackgroundService
{
    /// <summary>The named HttpClient the stand-in posts webhooks with.</summary>
    public const string ClientName = "telecmi-stand-in-webhooks";

    // Read once: a limit that changed while posts wait on it would release the wrong number of them.
    private readonly SemaphoreSlim? postSlots = simulator.CurrentValue.MaxConcurrentWebhookPosts is > 0 and var max ? new(max, max) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var playing = new List<Task>();
        try
        {
            await foreach (var call in queue.ReadAllAsync(stoppingToken))
            {
                playing.RemoveAll(t => t.IsCompleted);
                playing.Add(PlayAsync(call, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: calls still playing stop with it.
        }
        await Task.WhenAll(playing);
    }

    private async Task PlayAsync(SimulatedCall call, CancellationToken ct)
    {
        var hangUp = live.Add(call);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct, hangUp);
        var sent = new List<JsonObject>();
        var hungUp = false;
        try
        {
            foreach (var hook in SimulatedWebhooks.For(call))
            {
                var wait = hook.Immediate ? TimeSpan.Zero
                    : TimeSpan.FromMilliseconds(hook.Held ? simulator.CurrentValue.HeldCallSeconds * 1000L : simulator.CurrentValue.EventSpacingMs);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, waiting.Token);
                // The first CDR ends the call; a hang-up that came first ends it instead.
                if (hook.IsCdr && sent.All(b => (string?)b["type"] != "cdr") && !live.TryEnd(call))
                {
                    hungUp = true;
                    break;
                }
                await PostAsync(call, hook, ct);
                sent.Add(hook.Body);
            }
            live.TryEnd(call);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            hungUp = true;
        }
        catch (OperationCanceledException)
        {
            live.TryEnd(call);
            return;
        }
        if (hungUp) sent.AddRange(await PlayHangUpAsync(call, sent, ct));
        records.Add(call, sent);
    }

    /// <summary>The CDRs of a call hung up through <c>/v2/c2c/hangup</c>, spaced like the others.</summary>
    private async Task<List<JsonObject>> PlayHangUpAsync(SimulatedCall call, IReadOnlyList<JsonObject> sent, CancellationToken ct)
    {
        logger.LogInformation("TeleCMI stand-in: request {RequestId} hung up after {Webhooks} webhooks", call.RequestId, sent.Count);
        var played = new List<JsonObject>();
        try
        {
            foreach (var hook in SimulatedWebhooks.AfterHangUp(call, sent, clock.GetUtcNow()))
            {
                await Task.Delay(simulator.CurrentValue.EventSpacingMs, ct);
                await PostAsync(call, hook, ct);
                played.Add(hook.Body);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        return played;
    }

    private async Task PostAsync(SimulatedCall call, SimulatedWebhook hook, CancellationToken ct)
    {
        var what = $"{hook.Body["type"]}/{hook.Body["status"]} leg {hook.Body["leg"]}";
        if (call.Scenario == SimulatorScenario.NoWebhooks)
        {
            logger.LogDebug("TeleCMI stand-in: scenario 0007 sends no {Webhook} for request {RequestId}", what, call.RequestId);
            return;
        }
        if (postSlots is not null) await postSlots.WaitAsync(ct);
        try
        {
            var url = new Uri(target.Get(), "api/webhooks/telecmi?token=" + Uri.EscapeDataString(account.CurrentValue.WebhookToken ?? ""));
            using var response = await clients.CreateClient(ClientName).PostAsJsonAsync(url, hook.Body, ct);
            if (response.IsSuccessStatusCode)
                logger.LogDebug("TeleCMI stand-in posted {Webhook} for request {RequestId}", what, call.RequestId);
            else
                logger.LogWarning("TeleCMI stand-in posted {Webhook} for request {RequestId}: the service answered HTTP {Status}", what, call.RequestId, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // TeleCMI does not retry a failed webhook either; the call log is reconciled by the stale-call sweep.
            logger.LogWarning("TeleCMI stand-in could not post {Webhook} for request {RequestId}: {Error}", what, call.RequestId, ex.GetType().Name);
        }
        finally
        {
            postSlots?.Release();
        }
    }
}
