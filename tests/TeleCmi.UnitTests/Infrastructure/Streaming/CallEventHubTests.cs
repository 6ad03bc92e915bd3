using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Calls.StreamCallEvents;
using TeleCmi.Infrastructure.Streaming;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Infrastructure.Streaming;

/// <summary>The fan-out to this instance's subscribers: each gets what it follows; a slow one is closed, not waited for.</summary>
public sealed class CallEventHubTests
{
    [Test]
    public void EachSubscriber_GetsTheEventsItFollows_InOrder()
    {
        var hub = Hub(buffer: 16);
        using var oneCall = hub.Subscribe(new CallEventFilter("call-a", null));
        using var agentSeven = hub.Subscribe(new CallEventFilter(null, 7));
        using var all = hub.Subscribe(new CallEventFilter(null, null));

        hub.Publish([Event(1, "call-a", 7), Event(2, "call-b", 8), Event(3, "call-c", 7)]);

        Assert.Multiple(() =>
        {
            Assert.That(Drain(oneCall), Is.EqualTo(new long[] { 1 }));
            Assert.That(Drain(agentSeven), Is.EqualTo(new long[] { 1, 3 }));
            Assert.That(Drain(all), Is.EqualTo(new long[] { 1, 2, 3 }));
        });
    }

    [Test]
    public void ASubscriberThatFallsBehind_IsClosed_WhileTheOthersKeepReceiving()
    {
        var hub = Hub(buffer: 2);
        using var slow = hub.Subscribe(new CallEventFilter(null, null));
        using var fast = hub.Subscribe(new CallEventFilter(null, null));

        hub.Publish([Event(1, "a", 1), Event(2, "a", 1)]);
        Drain(fast);
        var closed = hub.Publish([Event(3, "a", 1)]);

        Assert.Multiple(() =>
        {
            Assert.That(closed, Is.EqualTo(1));
            Assert.That(hub.Count, Is.EqualTo(1), "the slow one is gone");
            Assert.That(Drain(fast), Is.EqualTo(new long[] { 3 }));
            Assert.That(Drain(slow), Is.EqualTo(new long[] { 1, 2 }), "what it had is still readable");
            Assert.That(async () => await slow.WaitToReadAsync(CancellationToken.None), Throws.InstanceOf<SubscriberLaggedException>(),
                "then its stream ends, and its client resumes with Last-Event-ID");
        });
    }

    [Test]
    public void ADisposedSubscription_IsRemoved_AndItsStreamEnds()
    {
        var hub = Hub(buffer: 16);
        var subscription = hub.Subscribe(new CallEventFilter(null, null));

        subscription.Dispose();
        hub.Publish([Event(1, "a", 1)]);

        Assert.Multiple(() =>
        {
            Assert.That(hub.Count, Is.Zero);
            Assert.That(subscription.WaitToReadAsync(CancellationToken.None).AsTask().Result, Is.False, "the stream has ended");
        });
    }

    private static CallEventHub Hub(int buffer) => new(Options.Create(new StreamingOptions { SubscriberBuffer = buffer }));

    private static CallEvent Event(long id, string callId, int agentId)
    {
        var call = CallFacts.NewCall();
        return new CallEvent(id, CallLogDto.From(call) with { Id = callId, AgentId = agentId });
    }

    private static List<long> Drain(ICallEventSubscription subscription)
    {
        var ids = new List<long>();
        while (subscription.TryRead(out var e)) ids.Add(e.Id);
        return ids;
    }
}
