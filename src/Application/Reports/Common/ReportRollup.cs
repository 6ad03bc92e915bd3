using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Time;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Reports;

namespace TeleCmi.Application.Reports.Common;

/// <summary>One counted group: calls of one day with one provider and one <see cref="FigureCode"/>.</summary>
public sealed record RollupRow(DateOnly Day, CallProvider Provider, int Code, int Calls, long TalkSeconds);

/// <summary>
/// The per-day figures of closed business days, stored so that a report over 18 months reads one or two rows per day instead
/// of counting a million calls (docs/decisions/0007-report-rollup-for-closed-days.md).
/// <para>A day is rolled up from ten minutes after its end (<see cref="LastRolledDay"/>); today is always counted live.
/// The ten minutes cover a save that decided "this call is today's, no mark" just before midnight and commits just
/// after it (a command times out after 30 s): by the time the day is counted, that commit is visible.
/// Every later change to a call of a past day is marked in <see cref="StaleRollupDay"/> in the change's own transaction
/// (by the persistence layer); a day is recomputed when it is marked or has never been computed, before it is read.</para>
/// </summary>
public sealed class ReportRollup(
    IAppDbContext db, BusinessCalendar calendar, ReportRollupGate gate, IOptions<ReportRollupOptions> options, ILogger<ReportRollup> logger)
{
    /// <summary>Whether reports read the rollup.</summary>
    public bool Enabled => options.Value.Enabled;

    /// <summary>How long after its end a day is rolled up.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    /// <summary>The newest day the rollup holds: yesterday, or the day before in the first minutes after midnight.</summary>
    public DateOnly LastRolledDay => calendar.DayOf(calendar.UtcNow - Grace).AddDays(-1);

    /// <summary>
    /// The figures of each closed day of <paramref name="from"/>..<paramref name="to"/> and provider (at most two per day;
    /// none for a day without calls), brought up to date first.
    /// </summary>
    public async Task<IReadOnlyList<(DateOnly Day, CallFigures Figures)>> ReadAsync(DateOnly from, DateOnly to, CallProvider? provider, CancellationToken ct)
    {
        if (to > LastRolledDay) throw new ArgumentOutOfRangeException(nameof(to), to, "The rollup holds closed days only.");
        var zone = calendar.ZoneId;
        // The usual case in one statement: every day of the range stored, none marked stale — then these are the figures.
        var days = await (
            from d in db.RollupDays.AsNoTracking().Where(d => d.Zone == zone && d.Day >= @from && d.Day <= to)
            join f in FiguresOf(provider)
                on new { d.Zone, d.Day } equals new { f.Zone, f.Day } into figures
            from f in figures.DefaultIfEmpty()
            select new { d.Day, Stale = db.StaleRollupDays.Any(s => s.Day == d.Day), Figure = f })
            .ToListAsync(ct);
        if (!days.Any(d => d.Stale) && days.Select(d => d.Day).Distinct().Count() == to.DayNumber - from.DayNumber + 1)
            return days.Where(d => d.Figure is not null).Select(d => (d.Day, d.Figure!.ToFigures())).ToList();

        var computed = await RefreshAsync(from, to, ct);
        var stored = await FiguresOf(provider).Where(f => f.Zone == zone && f.Day >= from && f.Day <= to).ToListAsync(ct);
        // What this request computed counts even if storing it failed (another instance stored the same days).
        return [.. stored.Where(f => !computed.ContainsKey(f.Day)).Select(f => (f.Day, f.ToFigures())),
            .. computed.Values.SelectMany(rows => rows).Where(f => provider is null || f.Provider == provider).Select(f => (f.Day, f.ToFigures()))];
    }

    private IQueryable<RollupFigure> FiguresOf(CallProvider? provider) =>
        provider is null ? db.RollupFigures.AsNoTracking() : db.RollupFigures.AsNoTracking().Where(f => f.Provider == provider);

    /// <summary>
    /// Computes and stores the days of <paramref name="from"/>..<paramref name="to"/> (up to <see cref="LastRolledDay"/>)
    /// that were never computed or were marked stale. Returns what it computed, per day.
    /// </summary>
    public async Task<IReadOnlyDictionary<DateOnly, List<RollupFigure>>> RefreshAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to > LastRolledDay) to = LastRolledDay;
        if (from > to || (await PendingAsync(from, to, ct)).Days.Count == 0) return new Dictionary<DateOnly, List<RollupFigure>>();
        await gate.Semaphore.WaitAsync(ct);
        try
        {
            // Read again: another request of this process may have stored them while this one waited.
            var pending = await PendingAsync(from, to, ct);
            if (pending.Days.Count == 0) return new Dictionary<DateOnly, List<RollupFigure>>();
            // Stale marks are read before the calls are counted: a change committed after this point is counted, or
            // leaves a mark of its own that is not deleted below.
            var counted = await ReportFigures.PerDayRowsAsync(
                (start, end) => db.CallLogs.AsNoTracking().Where(c => c.CreatedAt >= start && c.CreatedAt < end), pending.Days, calendar, ct);
            var zone = calendar.ZoneId;
            var figures = counted.ToDictionary(day => day.Key, day => day.Value
                .GroupBy(row => row.Provider)
                .Select(rows => rows.Aggregate(new FiguresBuilder(), (b, r) => b.Add(FigureCode.Row(r.Code, r.Calls, r.TalkSeconds))).Build()
                    .ToRollupFigure(zone, day.Key, rows.Key))
                .ToList());
            await StoreAsync(pending, figures, ct);
            return figures;
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }

    private sealed record Pending(SortedSet<DateOnly> Days, List<long> StaleIds);

    private async Task<Pending> PendingAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var zone = calendar.ZoneId;
        var stale = await db.StaleRollupDays.AsNoTracking().Where(s => s.Day >= from && s.Day <= to)
            .Select(s => new { s.Id, s.Day }).ToListAsync(ct);
        var done = (await db.RollupDays.AsNoTracking().Where(d => d.Zone == zone && d.Day >= from && d.Day <= to)
            .Select(d => d.Day).ToListAsync(ct)).ToHashSet();
        var days = new SortedSet<DateOnly>(stale.Select(s => s.Day));
        for (var day = from; day <= to; day = day.AddDays(1))
            if (!done.Contains(day)) days.Add(day);
        return new Pending(days, stale.Select(s => s.Id).ToList());
    }

    private async Task StoreAsync(Pending pending, IReadOnlyDictionary<DateOnly, List<RollupFigure>> figures, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return; // never inside someone else's unit of work
        var (zone, now) = (calendar.ZoneId, calendar.UtcNow);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var (first, last) in Ranges(pending.Days))
            {
                await db.RollupFigures.Where(f => f.Zone == zone && f.Day >= first && f.Day <= last).ExecuteDeleteAsync(ct);
                await db.RollupDays.Where(d => d.Zone == zone && d.Day >= first && d.Day <= last).ExecuteDeleteAsync(ct);
            }
            db.RollupDays.AddRange(pending.Days.Select(day => new RollupDay { Zone = zone, Day = day, ComputedAt = now }));
            db.RollupFigures.AddRange(figures.Values.SelectMany(f => f));
            await db.SaveChangesAsync(ct);
            foreach (var ids in pending.StaleIds.Chunk(500))
                await db.StaleRollupDays.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException)
        {
            // Two instances storing the same days at once (a deadlock, a duplicate key): the other one's rows are as
            // good as these, and the marks not deleted here only cause one more recount.
            logger.LogInformation("Report rollup of {Days} day(s) not stored: {Error}", pending.Days.Count, ex.GetType().Name);
        }
        finally
        {
            db.ClearTracked();
        }
    }

    /// <summary>Consecutive runs of days.</summary>
    public static IEnumerable<(DateOnly First, DateOnly Last)> Ranges(IEnumerable<DateOnly> sortedDays)
    {
        DateOnly? first = null, last = null;
        foreach (var day in sortedDays)
        {
            if (last is { } l && day == l.AddDays(1)) { last = day; continue; }
            if (first is { } f) yield return (f, last!.Value);
            (first, last) = (day, day);
        }
        if (first is { } start) yield return (start, last!.Value);
    }
}
