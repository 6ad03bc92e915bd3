using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using NUnit.Framework;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>A client of a server-sent event stream, as the app's would be: reads events in the background as they come.</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<SseItem<string>> received = Channel.CreateUnbounded<SseItem<string>>();
    private readonly HttpResponseMessage response;
    private readonly Task reading;

    private EventStream(HttpResponseMessage response)
    {
        this.response = response;
        reading = Task.Run(ReadAsync);
    }

    public HttpResponseMessage Response => response;

    /// <summary>Opens the stream and checks it is one (200, <c>text/event-stream</c>).</summary>
    public static async Task<EventStream> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var response = await SendAsync(client, path, lastEventId);
        if (response.StatusCode != HttpStatusCode.OK)
            Assert.Fail($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        return new EventStream(response);
    }

    /// <summary>Only sends the request (for the statuses before a stream starts).</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null) request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>The next event of any type; fails after <paramref name="timeout"/>.</summary>
    public async Task<SseItem<string>> NextAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            return await received.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No event within {timeout.TotalSeconds} s");
            throw;
        }
        catch (ChannelClosedException)
        {
            Assert.Fail("The stream ended");
            throw;
        }
    }

    /// <summary>The next <c>call</c> event (heartbeats skipped): its id and the call.</summary>
    public async Task<(long Id, JsonObject Call)> NextCallAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var item = await NextAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            if (item.EventType != "call") continue;
            return (long.Parse(item.EventId!), JsonNode.Parse(item.Data)!.AsObject());
        }
    }

    /// <summary>The call events (of any call) until <paramref name="callId"/> is final (30 s at most).</summary>
    public async Task<List<(long Id, JsonObject Call)>> CallUntilFinalAsync(string callId)
    {
        var seen = new List<(long, JsonObject)>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (id, call) = await NextCallAsync(deadline - DateTime.UtcNow);
            seen.Add((id, call));
            if (call["id"]!.GetValue<string>() == callId && call["final"]!.GetValue<bool>()) return seen;
        }
    }

    /// <summary>Whether no call event arrives within <paramref name="quiet"/>.</summary>
    public async Task<bool> NoCallWithinAsync(TimeSpan quiet)
    {
        using var wait = new CancellationTokenSource(quiet);
        try
        {
            while (true)
                if ((await received.Reader.ReadAsync(wait.Token)).EventType == "call") return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(stop.Token))
                received.Writer.TryWrite(item);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception)
        {
            // The server ended the stream.
        }
        finally
        {
            received.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        await reading;
        stop.Dispose();
    }
}
