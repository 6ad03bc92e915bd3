using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TeleCmi.Domain.Calls;
using TeleCmi.Infrastructure.Streaming;

namespace TeleCmi.Infrastructure.Persistence;

/// <summary>
/// Adds a <see cref="CallChange"/> row to every save that adds or changes a call (webhooks, initiate, feedback, hang-up,
/// the stale sweep, the seed routes: every path saves through a context), so the change and its notice commit or fail
/// together; this is how the live stream of every instance learns of it. After a save that added one, this instance's
/// poller is woken at once instead of at its next tick.
/// </summary>
public sealed class CallChangeInterceptor(TimeProvider clock, CallChangeSignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> noticing = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Notice(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Notice(eventData.Context);
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

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => noticing.Remove(eventData.Context!);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        noticing.Remove(eventData.Context!);
        return Task.CompletedTask;
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && noticing.Remove(context)) signal.Changed();
    }

    private void Notice(DbContext? context)
    {
        if (context is null) return;
        List<CallChange>? changes = null;
        HashSet<string>? noticed = null; // a save retried on the same context already carries its notices
        DateTime? now = null;
        foreach (var entry in context.ChangeTracker.Entries<CallLog>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            noticed ??= context.ChangeTracker.Entries<CallChange>().Where(c => c.State == EntityState.Added).Select(c => c.Entity.CallId).ToHashSet();
            if (!noticed.Add(entry.Entity.Id)) continue;
            now ??= clock.GetUtcNow().UtcDateTime;
            (changes ??= []).Add(new CallChange { CallId = entry.Entity.Id, AgentId = entry.Entity.AgentId, ChangedAt = now.Value });
        }
        if (changes is not null) context.AddRange(changes); // not while enumerating the tracker
        if (noticed is { Count: > 0 }) noticing.AddOrUpdate(context, context);
    }
}
