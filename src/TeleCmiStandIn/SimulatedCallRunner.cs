using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace TeleCmi.StandIn;

/// <summary>
/// Plays each placed call's webhooks to the service's webhook URL (<see cref="StandInWebhookTarget"/>), a
/// configurable spacing apart, the way TeleCMI would post
/// them. Runs in the background so the calls carry on after the click2call request ends.
/// </summary>
public sealed class SimulatedCallRunner(
    SimulatorCallQueue queue,
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
        try
        {
            foreach (var hook in SimulatedWebhooks.For(call))
            {
                if (!hook.Immediate) await Task.Delay(simulator.CurrentValue.EventSpacingMs, ct);
                await PostAsync(call, hook, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task PostAsync(SimulatedCall call, SimulatedWebhook hook, CancellationToken ct)
    {
        var what = $"{hook.Body["type"]}/{hook.Body["status"]} leg {hook.Body["leg"]}";
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
