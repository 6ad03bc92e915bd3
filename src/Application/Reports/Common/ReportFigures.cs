using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Time;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Reports.Common;

/// <summary>
/// The grouped queries behind the reports. Rows are counted by the database (GROUP BY over the
/// covering IX_call_logs_Reports index, or (AgentId, CreatedAt, Id, Provider) for one agent), never loaded into memory: what comes back is one row per
/// day (or agent) × status × outcome, the latter two as one <see cref="FigureCode"/>.
/// </summary>
public sealed class ReportFigures(IAppDbContext db, ICurrentUser user, BusinessCalendar calendar, ReportRollup rollup, TodayFigures today)
{
    /// <summary>Figures per business day from <paramref name="from"/> to <paramref name="to"/>, days without calls included.</summary>
    public async Task<IReadOnlyList<(DateOnly Day, CallFigures Figures)>> PerDayAsync(
        DateOnly from, DateOnly to, int? agentId, CallProvider? provider, CancellationToken ct)
    {
        var builders = new SortedDictionary<DateOnly, FiguresBuilder>();
        for (var day = from; day <= to; day = day.AddDays(1)) builders[day] = new FiguresBuilder();

        var liveFrom = from;
        // All agents' closed days come from the rollup; one agent's figures (20,000 calls in 18 months at most) and
        // today are counted live.
        var lastRolled = rollup.LastRolledDay;
        if (agentId is null && rollup.Enabled && user.Role is AgentRole.Supervisor or AgentRole.Admin && from <= lastRolled)
        {
            var rolledTo = to < lastRolled ? to : lastRolled;
            foreach (var (day, figures) in await rollup.ReadAsync(from, rolledTo, provider, ct))
                builders[day].Add(figures);
            liveFrom = rolledTo.AddDays(1);
        }
        if (liveFrom <= to)
        {
            Task<IReadOnlyDictionary<DateOnly, List<RollupRow>>> Count() =>
                PerDayRowsAsync((start, end) => Calls(start, end, agentId, provider), Days(liveFrom, to), calendar, ct);
            // All agents' today (what is left live once the rollup is read) may be reused for a few seconds.
            var live = agentId is null && rollup.Enabled && liveFrom == to && to == calendar.Today
                ? await today.GetOrCountAsync(calendar.ZoneId, to, provider, Count)
                : await Count();
            foreach (var row in live.Values.SelectMany(rows => rows))
                builders[row.Day].Add(FigureCode.Row(row.Code, row.Calls, row.TalkSeconds));
        }
        return builders.Select(b => (b.Key, b.Value.Build())).ToList();
    }

    /// <summary>
    /// Counts the calls of the given business days (ascending) per day, provider and <see cref="FigureCode"/>, one grouped
    /// query per run of consecutive days with one UTC offset. <paramref name="calls"/> gives the calls created in a UTC range.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<DateOnly, List<RollupRow>>> PerDayRowsAsync(
        Func<DateTime, DateTime, IQueryable<CallLog>> calls, IEnumerable<DateOnly> days, BusinessCalendar calendar, CancellationToken ct)
    {
        var result = new SortedDictionary<DateOnly, List<RollupRow>>();
        foreach (var (first, last) in ReportRollup.Ranges(days))
        foreach (var run in calendar.Runs(first, last))
        {
            for (var day = run.First; day <= run.Last; day = day.AddDays(1)) result[day] = [];
            var inRun = calls(run.StartUtc, run.EndUtc);
            if (!run.Uniform)
            {
                // The UTC offset changes during this day (DST): it is one day, no grouping by day needed.
                var rows = await inRun
                    .GroupBy(FigureCode.Key((CallLog c, int code) => new { c.Provider, Code = code }))
                    .Select(g => new { g.Key.Provider, g.Key.Code, Calls = g.Count(), Talk = g.Sum(c => (long)(c.TalkSeconds ?? c.AgentDurationSeconds ?? 0)) })
                    .ToListAsync(ct);
                result[run.First].AddRange(rows.Select(r => new RollupRow(run.First, r.Provider, r.Code, r.Calls, r.Talk)));
                continue;
            }
            var minutes = run.Offset.TotalMinutes;
            var dayRows = await inRun
                .GroupBy(FigureCode.Key((CallLog c, int code) => new { Day = c.CreatedAt.AddMinutes(minutes).Date, c.Provider, Code = code }))
                .Select(g => new { g.Key.Day, g.Key.Provider, g.Key.Code, Calls = g.Count(), Talk = g.Sum(c => (long)(c.TalkSeconds ?? c.AgentDurationSeconds ?? 0)) })
                .ToListAsync(ct);
            foreach (var r in dayRows)
            {
                var day = DateOnly.FromDateTime(r.Day);
                result[day].Add(new RollupRow(day, r.Provider, r.Code, r.Calls, r.Talk));
            }
        }
        return result;
    }

    /// <summary>Figures per agent who placed calls between the two days.</summary>
    public async Task<IReadOnlyDictionary<int, CallFigures>> PerAgentAsync(DateOnly from, DateOnly to, CallProvider? provider, CancellationToken ct)
    {
        var rows = await Calls(calendar.StartOfDayUtc(from), calendar.StartOfDayUtc(to.AddDays(1)), null, provider)
            .GroupBy(FigureCode.Key((CallLog c, int code) => new { c.AgentId, Code = code }))
            .Select(g => new { g.Key.AgentId, g.Key.Code, Calls = g.Count(), Talk = g.Sum(c => (long)(c.TalkSeconds ?? c.AgentDurationSeconds ?? 0)) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.AgentId).ToDictionary(
            g => g.Key,
            g => g.Aggregate(new FiguresBuilder(), (b, r) => b.Add(FigureCode.Row(r.Code, r.Calls, r.Talk))).Build());
    }

    /// <summary>How many agents placed calls between the two days (attempts that never reached TeleCMI are no calls).</summary>
    public Task<int> AgentsWithCallsAsync(DateOnly from, DateOnly to, int? agentId, CancellationToken ct) =>
        Calls(calendar.StartOfDayUtc(from), calendar.StartOfDayUtc(to.AddDays(1)), agentId, null)
            .Where(c => c.Status != CallStatus.NotPlaced)
            .Select(c => c.AgentId).Distinct().CountAsync(ct);

    /// <summary>The sum of several sets of figures.</summary>
    public static CallFigures Total(IEnumerable<CallFigures> figures) =>
        figures.Aggregate(new FiguresBuilder(), (b, f) => b.Add(f)).Build();

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1)) yield return day;
    }

    private IQueryable<CallLog> Calls(DateTime startUtc, DateTime endUtc, int? agentId, CallProvider? provider)
    {
        var calls = db.CallLogs.AsNoTracking().Filter(new CallLogFilter(AgentId: agentId, Provider: provider), user)
            .Where(c => c.CreatedAt >= startUtc && c.CreatedAt < endUtc);
        return calls;
    }
}
