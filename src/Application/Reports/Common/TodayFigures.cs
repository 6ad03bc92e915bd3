using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Reports.Common;

/// <summary>
/// Today's all-agent figures, counted live, kept for a few seconds (<c>Reports:Rollup:TodayCacheSeconds</c>) so that a
/// dashboard polled by many supervisors counts today's calls once per interval instead of once per report
/// (docs/decisions/0007-report-rollup-for-closed-days.md).
/// <para>Every committed save of this process that adds a call or changes a counted field (see the persistence layer's
/// rollup interceptor) calls <see cref="CallsChanged"/>, which invalidates what is kept: a report after one's own change
/// always counts it. Changes made by another instance show within the interval.</para>
/// </summary>
public sealed class TodayFigures(TimeProvider clock, IOptions<ReportRollupOptions> options)
{
    private readonly ConcurrentDictionary<(string Zone, DateOnly Day, CallProvider? Provider), Entry> entries = new();
    private long version;

    private sealed record Entry(long Version, DateTimeOffset CountedAt, IReadOnlyDictionary<DateOnly, List<RollupRow>> Rows);

    /// <summary>Some call was added or changed in a counted field (and committed).</summary>
    public void CallsChanged() => Interlocked.Increment(ref version);

    /// <summary>The rows of <paramref name="day"/> counted at most the configured seconds ago, with no change since; else counts them.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, List<RollupRow>>> GetOrCountAsync(
        string zone, DateOnly day, CallProvider? provider, Func<Task<IReadOnlyDictionary<DateOnly, List<RollupRow>>>> count)
    {
        var seconds = options.Value.TodayCacheSeconds;
        if (seconds <= 0) return await count();
        var key = (zone, day, provider);
        var current = Volatile.Read(ref version);
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var kept) && kept.Version == current && now - kept.CountedAt < TimeSpan.FromSeconds(seconds))
            return kept.Rows;
        // The version is read before counting: a change committed while counting invalidates these rows at once.
        var rows = await count();
        entries[key] = new Entry(current, now, rows);
        if (entries.Count > 64) foreach (var old in entries.Where(e => e.Key.Day != day)) entries.TryRemove(old.Key, out _);
        return rows;
    }
}
