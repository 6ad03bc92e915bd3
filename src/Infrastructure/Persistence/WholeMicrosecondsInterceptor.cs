using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TeleCmi.Infrastructure.Persistence;

/// <summary>
/// MySQL/MariaDB only: <c>datetime(6)</c> keeps whole microseconds, a .NET <see cref="DateTime"/> tenths of one. Before
/// a save, every time of an added or changed entity is cut to whole microseconds, so the entity in memory equals what is
/// stored: an answer built from the saved entity (the 201 of <c>POST /api/calls</c>) is what a later read returns.
/// </summary>
public sealed class WholeMicrosecondsInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Truncate(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Truncate(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Cuts the times of <paramref name="context"/>'s added and modified entities to whole microseconds.</summary>
    public static void Truncate(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
                if (property.CurrentValue is DateTime time && time.Ticks % TimeSpan.TicksPerMicrosecond is var extra and not 0)
                    property.CurrentValue = time.AddTicks(-extra);
        }
    }
}
