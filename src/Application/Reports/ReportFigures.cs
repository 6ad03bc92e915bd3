using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Time;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Reports;

/// <summary>
/// The grouped queries behind the reports. Rows are counted by the database (GROUP BY over the
/// covering IX_call_logs_Reports index, or (AgentId, CreatedAt, Id) for one agent), never loaded into memory: what comes back is one row per
/// day (or agent) × status × outcome, the latter two as one <see cref="FigureCode"/>.
/// </summary>
public sealed class ReportFigures(IAppDbContext db, ICurrentUser user, BusinessCalendar calendar)
{
    /// <summary>Figures per business day from <paramref name="from"/> to <paramref name="to"/>, days without calls included.</summary>
    public async Task<IReadOnlyList<(DateOnly Day, CallFigures Figures)>> PerDayAsync(
        DateOnly from, DateOnly to, int? agentId, CallProvider? provider, CancellationToken ct)
    {
        var builders = new SortedDictionary<DateOnly, FiguresBuilder>();
        for (var day = from; day <= to; day = day.AddDays(1)) builders[day] = new FiguresBuilder();

        foreach (var run in calendar.Runs(from, to))
        {
            var calls = Calls(run.StartUtc, run.EndUtc, agentId, provider);
            if (!run.Uniform)
            {
                // The UTC offset changes during this day (DST): it is one day, no grouping by day needed.
                foreach (var row in await ByStatusAndOutcomeAsync(calls, ct)) builders[run.First].Add(row);
                continue;
            }
            var minutes = run.Offset.TotalMinutes;
            var rows = await calls
                .GroupBy(FigureCode.Key((CallLog c, int code) => new { Day = c.CreatedAt.AddMinutes(minutes).Date, Code = code }))
                .Select(g => new { g.Key.Day, g.Key.Code, Calls = g.Count(), Talk = g.Sum(c => (long)(c.TalkSeconds ?? c.AgentDurationSeconds ?? 0)) })
                .ToListAsync(ct);
            foreach (var row in rows)
                builders[DateOnly.FromDateTime(row.Day)].Add(FigureCode.Row(row.Code, row.Calls, row.Talk));
        }
        return builders.Select(b => (b.Key, b.Value.Build())).ToList();
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

    /// <summary>How many agents placed calls between the two days.</summary>
    public Task<int> AgentsWithCallsAsync(DateOnly from, DateOnly to, int? agentId, CancellationToken ct) =>
        Calls(calendar.StartOfDayUtc(from), calendar.StartOfDayUtc(to.AddDays(1)), agentId, null)
            .Select(c => c.AgentId).Distinct().CountAsync(ct);

    /// <summary>The sum of several sets of figures.</summary>
    public static CallFigures Total(IEnumerable<CallFigures> figures) =>
        figures.Aggregate(new FiguresBuilder(), (b, f) => b.Add(f)).Build();

    private IQueryable<CallLog> Calls(DateTime startUtc, DateTime endUtc, int? agentId, CallProvider? provider)
    {
        var calls = db.CallLogs.AsNoTracking().Filter(new CallLogFilter(AgentId: agentId, Provider: provider), user)
            .Where(c => c.CreatedAt >= startUtc && c.CreatedAt < endUtc);
        return calls;
    }

    private static async Task<List<FigureRow>> ByStatusAndOutcomeAsync(IQueryable<CallLog> calls, CancellationToken ct) =>
        (await calls.GroupBy(FigureCode.Key((CallLog c, int code) => new { Code = code }))
            .Select(g => new { g.Key.Code, Calls = g.Count(), Talk = g.Sum(c => (long)(c.TalkSeconds ?? c.AgentDurationSeconds ?? 0)) })
            .ToListAsync(ct))
        .Select(r => FigureCode.Row(r.Code, r.Calls, r.Talk)).ToList();
}
