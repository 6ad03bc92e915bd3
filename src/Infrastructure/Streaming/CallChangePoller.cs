using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Calls.StreamCallEvents;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.Infrastructure.Streaming;

/// <summary>
/// The one reader of <c>call_changes</c> on this instance, however many subscribers there are: every
/// <see cref="StreamingOptions.PollIntervalMilliseconds"/> (at once after a change saved here) it reads the changes after
/// its cursor, loads the changed calls in one query, and hands them to the <see cref="CallEventHub"/>. While nobody
/// listens it only moves the cursor to the newest id.
/// </summary>
public sealed class CallChangePoller(
    CallEventHub hub, CallChangeSignal signal, IServiceScopeFactory scopes, TimeProvider clock, IOptions<StreamingOptions> options,
    ILogger<CallChangePoller> logger) : BackgroundService
{
    /// <summary>Rows read at most per query; a full page is followed by the next at once.</summary>
    public const int PageSize = 1000;

    /// <summary>How long a hole in the ids is waited for (a transaction that inserted earlier but commits later).</summary>
    public static readonly TimeSpan HoleWait = TimeSpan.FromSeconds(3);

    // Changes saved here wake the poller; this spacing turns a burst of them into one read.
    private static readonly TimeSpan MinimumSpacing = TimeSpan.FromMilliseconds(20);

    private readonly CallChangeCursor cursor = new(HoleWait);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PollOnceAsync(stoppingToken) == PageSize) { }
                if (failing) logger.LogInformation("Reading call changes works again");
                failing = false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (!failing) logger.LogWarning("Reading call changes failed, trying again every {Interval}: {Error}", interval, ex.GetType().Name);
                failing = true;
            }
            try
            {
                await signal.WaitAsync(interval, stoppingToken);
                await Task.Delay(MinimumSpacing, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One read. Returns how many rows it read.</summary>
    public async Task<int> PollOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (hub.Count == 0 || !cursor.IsPlaced)
        {
            cursor.Reset(await db.CallChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0);
            return 0;
        }
        var rows = await db.CallChanges.AsNoTracking().Where(c => c.Id > cursor.After).OrderBy(c => c.Id).Take(PageSize)
            .Select(c => new { c.Id, c.CallId }).ToListAsync(ct);
        var fresh = cursor.Accept(rows.Select(r => r.Id), clock.GetUtcNow().UtcDateTime).ToHashSet();
        if (fresh.Count == 0) return rows.Count;
        // Each changed call once, as it is now, at its last change's id.
        var last = rows.Where(r => fresh.Contains(r.Id)).GroupBy(r => r.CallId, StringComparer.Ordinal)
            .Select(g => (CallId: g.Key, Id: g.Max(r => r.Id))).ToList();
        var calls = new Dictionary<string, CallLogDto>(StringComparer.Ordinal);
        foreach (var chunk in last.Select(c => c.CallId).Chunk(500))
            foreach (var call in await db.CallLogs.AsNoTracking().Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
                calls[call.Id] = CallLogDto.From(call);
        var events = last.Where(c => calls.ContainsKey(c.CallId)).OrderBy(c => c.Id).Select(c => new CallEvent(c.Id, calls[c.CallId])).ToList();
        var closed = hub.Publish(events);
        if (closed > 0) logger.LogInformation("Closed {Count} live stream subscriber(s) that fell behind", closed);
        return rows.Count;
    }
}
