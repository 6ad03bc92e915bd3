using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TeleCmi.Application.Calls.StreamCallEvents;

namespace TeleCmi.Api.Streaming;

/// <summary>
/// Turns a <see cref="CallEventStream"/> into server-sent events: <c>event: call</c> with the event id and the call's JSON
/// (as <c>GET /api/calls/{id}</c> writes it), and <c>event: heartbeat</c> (data <c>{}</c>, no id) at connect when there is nothing
/// else to send, and when nothing was sent for a while. Ends when the client goes away, or when it fell too far behind (it resumes with <c>Last-Event-ID</c>).
/// </summary>
public static class CallEventSse
{
    public const string CallEventType = "call";
    public const string HeartbeatEventType = "heartbeat";

    public static async IAsyncEnumerable<SseItem<string>> WriteAsync(
        CallEventStream stream, TimeSpan heartbeat, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken ct)
    {
        using var _ = stream;
        foreach (var e in stream.First) yield return Item(e, json);
        // With nothing to send at connect (the list stream, a quiet call), a heartbeat at once: the response's headers and a
        // first event reach the client now, so it knows it is connected instead of waiting a heartbeat interval.
        if (stream.First.Count == 0) yield return Heartbeat;
        var live = stream.Live;
        Task<bool>? waiting = null;
        while (!ct.IsCancellationRequested)
        {
            while (live.TryRead(out var e))
                if (e.Id > stream.Head) yield return Item(e, json);
            waiting ??= live.WaitToReadAsync(ct).AsTask();
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var tick = Task.Delay(heartbeat, idle.Token);
            if (await Task.WhenAny(waiting, tick) == tick)
            {
                if (ct.IsCancellationRequested) yield break;
                yield return Heartbeat;
                continue;
            }
            await idle.CancelAsync();
            if (!await MoreAsync(waiting)) yield break;
            waiting = null;
        }
    }

    private static SseItem<string> Heartbeat => new("{}", HeartbeatEventType);

    // False when the subscription ended: the client went away, or it lagged and was closed.
    private static async Task<bool> MoreAsync(Task<bool> waiting)
    {
        try
        {
            return await waiting;
        }
        catch (Exception)
        {
            return false;
        }
    }

    // The hub hands the same event object to every subscriber: it is written to JSON once, not once per subscriber.
    private static readonly ConditionalWeakTable<CallEvent, string> Written = new();

    private static SseItem<string> Item(CallEvent e, JsonSerializerOptions json) =>
        new(Written.GetValue(e, ev => JsonSerializer.Serialize(ev.Call, json)), CallEventType) { EventId = e.Id.ToString(CultureInfo.InvariantCulture) };

    /// <summary>The id to resume after: the <c>Last-Event-ID</c> header (what a reconnecting EventSource sends), else the query.</summary>
    public static long? ResumeAfter(string? lastEventIdHeader, long? lastEventIdQuery) =>
        long.TryParse(lastEventIdHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : lastEventIdQuery;
}
