using System.Diagnostics.CodeAnalysis;

namespace TeleCmi.Application.Calls.StreamCallEvents;

/// <summary>A call as it is after a change. <see cref="Id"/> is the stream's event id (a <c>call_changes</c> id).</summary>
public sealed record CallEvent(long Id, Calls.Common.CallLogDto Call);

/// <summary>Which calls a subscriber follows: one call, one agent's calls, or (both null) all.</summary>
public sealed record CallEventFilter(string? CallId, int? AgentId)
{
    public bool Matches(string callId, int agentId) =>
        (CallId is null || CallId == callId) && (AgentId is null || AgentId == agentId);
}

/// <summary>The changes of calls as they are committed, by this instance or any other sharing the database.</summary>
public interface ICallEventFeed
{
    /// <summary>Events committed from now on that match <paramref name="filter"/>, until the subscription is disposed.</summary>
    ICallEventSubscription Subscribe(CallEventFilter filter);
}

/// <summary>One subscriber's events. Completed when the subscriber fell too far behind (it then resumes with the last id).</summary>
public interface ICallEventSubscription : IDisposable
{
    /// <summary>Waits until an event can be read: false when the subscription has ended; throws when it was closed for lagging.</summary>
    ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken);

    /// <summary>Takes the next event if one is waiting.</summary>
    bool TryRead([MaybeNullWhen(false)] out CallEvent callEvent);
}
