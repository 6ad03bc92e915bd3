using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Reports;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Infrastructure.Persistence;

/// <summary>
/// Keeps the report rollup honest: when a save adds, removes, or changes a counted field of a call created before today
/// (business date), it adds a <see cref="StaleRollupDay"/> for that day to the same save, so the change and the mark
/// commit (or fail) together. Calls of today, the bulk of the writes, add nothing.
/// </summary>
public sealed class StaleRollupDayInterceptor(BusinessCalendar calendar) : SaveChangesInterceptor
{
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

    private void Mark(DbContext? context)
    {
        if (context is null) return;
        DateOnly? today = null; // worked out only when a call is added or changed in a counted field
        List<DateOnly>? days = null;
        foreach (var entry in context.ChangeTracker.Entries<CallLog>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.State is EntityState.Modified && !Counted.Any(p => entry.Property(p).IsModified)) continue;
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
