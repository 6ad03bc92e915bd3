using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.StreamCallEvents;

namespace TeleCmi.Infrastructure.Streaming;

/// <summary>
/// This instance's subscribers. <see cref="Publish"/> hands each event to every subscriber it matches without waiting: a
/// subscriber whose buffer is full is closed (its client resumes with <c>Last-Event-ID</c>), so a slow client neither holds
/// up the others nor makes memory grow.
/// </summary>
public sealed class CallEventHub(IOptions<StreamingOptions> options) : ICallEventFeed
{
    private readonly ConcurrentDictionary<Subscription, byte> subscribers = new();

    /// <summary>How many subscribers are open on this instance.</summary>
    public int Count => subscribers.Count;

    public ICallEventSubscription Subscribe(CallEventFilter filter)
    {
        var subscription = new Subscription(this, filter, Math.Max(1, options.Value.SubscriberBuffer));
        subscribers.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Hands the events (in id order) to the subscribers they match. Returns how many subscribers were closed for lagging.</summary>
    public int Publish(IReadOnlyList<CallEvent> events)
    {
        var closed = 0;
        foreach (var subscription in subscribers.Keys)
        {
            foreach (var e in events)
            {
                if (!subscription.Filter.Matches(e.Call.Id, e.Call.AgentId)) continue;
                if (subscription.Channel.Writer.TryWrite(e)) continue;
                subscription.Channel.Writer.TryComplete(new SubscriberLaggedException());
                subscribers.TryRemove(subscription, out _);
                closed++;
                break;
            }
        }
        return closed;
    }

    private sealed class Subscription(CallEventHub hub, CallEventFilter filter, int buffer) : ICallEventSubscription
    {
        public CallEventFilter Filter { get; } = filter;

        public Channel<CallEvent> Channel { get; } = System.Threading.Channels.Channel.CreateBounded<CallEvent>(
            new BoundedChannelOptions(buffer) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

        public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => Channel.Reader.WaitToReadAsync(cancellationToken);

        public bool TryRead([MaybeNullWhen(false)] out CallEvent callEvent) => Channel.Reader.TryRead(out callEvent);

        public void Dispose()
        {
            hub.subscribers.TryRemove(this, out _);
            Channel.Writer.TryComplete();
        }
    }
}

/// <summary>The subscriber fell more than <see cref="StreamingOptions.SubscriberBuffer"/> events behind and was closed.</summary>
public sealed class SubscriberLaggedException() : Exception("The subscriber fell too far behind and was closed.");
