using System.Text.Json;
using System.Threading.Channels;
using TeleCmi.Api.Streaming;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Calls.StreamCallEvents;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Api;

/// <summary>How a stream becomes server-sent events: what was read at connect first, live events after it, heartbeats between.</summary>
public sealed class CallEventSseTests
{
    [Test]
    public async Task FirstEvents_ThenLiveOnesAfterTheHead_SkippingThoseAlreadyCoveredAtConnect()
    {
        var live = new FakeSubscription();
        var stream = new CallEventStream([Event(5)], Head: 5, live);
        live.Channel.Writer.TryWrite(Event(4)); // committed before connect: already in what was read then
        live.Channel.Writer.TryWrite(Event(6));
        live.Channel.Writer.TryComplete();

        var items = await Collect(stream, TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.EventId), Is.EqualTo(new[] { "5", "6" }));
            Assert.That(items.Select(i => i.EventType), Has.All.EqualTo("call"));
            Assert.That(JsonDocument.Parse(items[0].Data).RootElement.GetProperty("id").GetString(), Is.EqualTo("call-5"));
            Assert.That(live.Disposed, Is.True, "the subscription ends with the stream");
        });
    }

    [Test]
    public async Task AnIdleStream_SendsHeartbeats_WithoutAnId()
    {
        var live = new FakeSubscription();
        using var stop = new CancellationTokenSource();
        var items = new List<System.Net.ServerSentEvents.SseItem<string>>();

        await foreach (var item in CallEventSse.WriteAsync(new CallEventStream([], 0, live), TimeSpan.FromMilliseconds(20), Json, stop.Token))
        {
            items.Add(item);
            if (items.Count == 2) live.Channel.Writer.TryComplete();
        }

        Assert.That(items.Select(i => (i.EventType, i.EventId, i.Data)), Has.All.EqualTo(("heartbeat", (string?)null, "{}")));
    }

    [Test]
    public async Task ALaggingSubscriber_EndsTheStream()
    {
        var live = new FakeSubscription();
        live.Channel.Writer.TryComplete(new InvalidOperationException("lagged"));

        var items = await Collect(new CallEventStream([], 0, live), TimeSpan.FromSeconds(30));

        Assert.That(items.Select(i => i.EventType), Is.EqualTo(new[] { "heartbeat" }), "the connect heartbeat, then the end");
    }

    [Test]
    public async Task NothingToSendAtConnect_AHeartbeatGoesOutAtOnce_NotAfterTheInterval()
    {
        var live = new FakeSubscription();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var started = System.Diagnostics.Stopwatch.StartNew();

        await using var items = CallEventSse.WriteAsync(new CallEventStream([], 0, live), TimeSpan.FromMinutes(5), Json, stop.Token).GetAsyncEnumerator();
        Assert.That(await items.MoveNextAsync(), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(items.Current.EventType, Is.EqualTo("heartbeat"));
            Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromMinutes(1)), "not after the five-minute heartbeat interval");
        });
    }

    [TestCase("42", 7L, 42L)]
    [TestCase(null, 7L, 7L)]
    [TestCase("not-a-number", 7L, 7L)]
    [TestCase("-3", null, null)]
    [TestCase(null, null, null)]
    public void ResumeAfter_TheHeaderWins_ThenTheQuery(string? header, long? query, long? expected) =>
        Assert.That(CallEventSse.ResumeAfter(header, query), Is.EqualTo(expected));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<List<System.Net.ServerSentEvents.SseItem<string>>> Collect(CallEventStream stream, TimeSpan heartbeat)
    {
        var items = new List<System.Net.ServerSentEvents.SseItem<string>>();
        await foreach (var item in CallEventSse.WriteAsync(stream, heartbeat, Json, CancellationToken.None)) items.Add(item);
        return items;
    }

    private static CallEvent Event(long id) => new(id, CallLogDto.From(CallFacts.NewCall()) with { Id = $"call-{id}" });

    private sealed class FakeSubscription : ICallEventSubscription
    {
        public Channel<CallEvent> Channel { get; } = System.Threading.Channels.Channel.CreateUnbounded<CallEvent>();
        public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => Channel.Reader.WaitToReadAsync(cancellationToken);
        public bool TryRead(out CallEvent callEvent) => Channel.Reader.TryRead(out callEvent!);
        public bool Disposed { get; private set; }
        public void Dispose() => Disposed = true;
    }
}
