using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Reports.Common;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Reports;

namespace TeleCmi.Infrastructure.Persistence;

/// <summary>
/// Keeps the report rollup honest: when a save adds, removes, or changes a counted field of a call created before today
/// (business date), it adds a <see cref="StaleRollupDay"/> for that day to the same save, so the change and the mark
/// commit (or fail) together. Calls of today, the bulk of the writes, add nothing. After any save that touched a counted
/// field of a call, today's kept figures (<see cref="TodayFigures"/>) are invalidated.
/// </summary>
public sealed class StaleRollupDayInterceptor(BusinessCalendar calendar, TodayFigures todayFigures) : SaveChangesInterceptor
{
    // The contexts whose current save touches counted fields of calls (set while saving, read once it is saved).
    private readonly ConditionalWeakTable<DbContext, object> changingCalls = new();

    // Every field the reports group or sum by.
    private static readonly string[] Counted =
    [
        nameof(CallLog.CreatedAt), nameof(CallLog.AgentId), nameof(CallLog.Provider), nameof(CallLog.Status),
        nameof(CallLog.Outcome), nameof(CallLog.TalkSeconds), nameof(CallLog.AgentDurationSeconds),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    // Invalidate after the save (also after a failed one: harmless, and a partly applied batch is possible).
    private void Saved(DbContext? context)
    {
        if (context is not null && changingCalls.Remove(context)) todayFigures.CallsChanged();
    }

    private void Mark(DbContext? context)
    {
        if (context is null) return;
        DateOnly? today = null; // worked out only when a call is added or changed in a counted field
        List<DateOnly>? days = null;
        foreach (var entry in context.ChangeTracker.Entries<CallLog>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.State is EntityState.Modified && !Counted.Any(p => entry.Property(p).IsModified)) continue;
            changingCalls.AddOrUpdate(context, context);
            Add(calendar.DayOf(entry.Entity.CreatedAt));
            // A call moved to another day (nothing does that today) changes the figures of both.
            if (entry.Property<DateTime>(nameof(CallLog.CreatedAt)).OriginalValue is var original && original != entry.Entity.CreatedAt)
                Add(calendar.DayOf(original));
        }
        if (days is null) return;
        var now = calendar.UtcNow;
        context.AddRange(days.Select(day => new StaleRollupDay { Day = day, MarkedAt = now }));

        void Add(DateOnly day)
        {
            today ??= calendar.Today;
            if (day < today && !(days ??= []).Contains(day)) days.Add(day);
        }
    }
}
