using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Calls.StreamCallEvents;

/// <summary>
/// Opens a live stream of call changes: one call (<paramref name="CallId"/>) or the calls the agent may see (a
/// telecaller's own; supervisors and admins all, or <paramref name="AgentId"/>'s). <paramref name="LastEventId"/> resumes.
/// </summary>
[Authorize]
public sealed record StreamCallEventsQuery(string? CallId, int? AgentId, long? LastEventId) : IQuery<CallEventStream>;

/// <summary>What to send first (the current state, or what was missed), then <see cref="Live"/>, skipping ids up to <see cref="Head"/>.</summary>
public sealed record CallEventStream(IReadOnlyList<CallEvent> First, long Head, ICallEventSubscription Live) : IDisposable
{
    public void Dispose() => Live.Dispose();
}

public sealed class StreamCallEventsHandler(IAppDbContext db, ICurrentUser user, ICallEventFeed feed, TimeProvider clock, IOptions<StreamingOptions> options)
    : IQueryHandler<StreamCallEventsQuery, CallEventStream>
{
    /// <summary>At most this many calls are replayed to a reconnecting client (the newest changes).</summary>
    public const int MaxReplayedCalls = 2000;

    public async ValueTask<CallEventStream> Handle(StreamCallEventsQuery query, CancellationToken cancellationToken)
    {
        if (query.CallId is not null) await db.CallLogs.AsNoTracking().FindVisibleAsync(user, query.CallId, cancellationToken);
        var filter = new CallEventFilter(query.CallId,
            user.Role is AgentRole.Supervisor or AgentRole.Admin ? query.AgentId : user.AgentId);
        // Subscribed before reading, so nothing committed in between is lost (what is read twice is skipped by id).
        var live = feed.Subscribe(filter);
        try
        {
            var head = await db.CallChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
            var first = await FirstAsync(query, filter, head, cancellationToken);
            // The request kept its connection open (see TokenSessionCheck); a stream lasts hours and reads nothing more
            // itself, so the pooled connection goes back now, or 100 open streams would take the whole pool.
            await db.ReleaseConnectionAsync();
            return new CallEventStream(first, head, live);
        }
        catch
        {
            live.Dispose();
            throw;
        }
    }

    private async Task<IReadOnlyList<CallEvent>> FirstAsync(StreamCallEventsQuery query, CallEventFilter filter, long head, CancellationToken ct)
    {
        var after = query.LastEventId;
        if (after is null) return query.CallId is null ? [] : await CurrentAsync(query.CallId, head, ct);
        if (after == head) return [];
        var windowStart = clock.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.ReplayMinutes);
        var firstKept = await db.CallChanges.Where(c => c.ChangedAt >= windowStart).MinAsync(c => (long?)c.Id, ct);
        var resumable = after < head && firstKept is { } first && after >= first - 1;
        if (!resumable)
        {
            // Older than what is kept (or not an id of this database): the current state instead of what was missed.
            if (query.CallId is not null) return await CurrentAsync(query.CallId, head, ct);
            after = firstKept is null ? head : firstKept.Value - 1;
        }
        return await ChangedAfterAsync(filter, after.Value, head, ct);
    }

    private async Task<IReadOnlyList<CallEvent>> CurrentAsync(string callId, long head, CancellationToken ct) =>
        [new CallEvent(head, CallLogDto.From(await db.CallLogs.AsNoTracking().FindVisibleAsync(user, callId, ct)))];

    /// <summary>The calls that changed after <paramref name="after"/>, each once as it is now, in the order of its last change.</summary>
    private async Task<IReadOnlyList<CallEvent>> ChangedAfterAsync(CallEventFilter filter, long after, long head, CancellationToken ct)
    {
        var changes = db.CallChanges.Where(c => c.Id > after && c.Id <= head);
        if (filter.CallId is { } callId) changes = changes.Where(c => c.CallId == callId);
        if (filter.AgentId is { } agentId) changes = changes.Where(c => c.AgentId == agentId);
        var last = await changes.GroupBy(c => c.CallId).Select(g => new { CallId = g.Key, Id = g.Max(c => c.Id) })
            .OrderByDescending(c => c.Id).Take(MaxReplayedCalls).ToListAsync(ct);
        var ids = last.Select(c => c.CallId).ToList();
        var calls = new Dictionary<string, CallLogDto>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
            foreach (var call in await db.CallLogs.AsNoTracking().Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
                calls[call.Id] = CallLogDto.From(call);
        return last.OrderBy(c => c.Id).Where(c => calls.ContainsKey(c.CallId)).Select(c => new CallEvent(c.Id, calls[c.CallId])).ToList();
    }
}
