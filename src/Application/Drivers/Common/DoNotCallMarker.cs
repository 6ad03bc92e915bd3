using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.Common;

/// <summary>Sets and lifts a driver's do-not-call mark together with its record (<see cref="DoNotCallRecord"/>).</summary>
public sealed class DoNotCallMarker(IAppDbContext db, TimeProvider clock)
{
    /// <summary>Marks <paramref name="driver"/> (tracked) and adds the record; a driver already marked keeps its first mark. Saves.</summary>
    /// <returns><c>true</c> when the driver was newly marked.</returns>
    public async Task<bool> MarkAsync(Driver driver, string reason, DoNotCallSource source, int? agentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!driver.MarkDoNotCall(reason, source, now)) return false;
        db.DoNotCallRecords.Add(new DoNotCallRecord(driver.Id, driver.DoNotCallReason!, source, agentId, now));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Lifts the mark of <paramref name="driver"/> (tracked) and records who lifted it. Saves.</summary>
    /// <returns><c>true</c> when the driver was marked.</returns>
    public async Task<bool> LiftAsync(Driver driver, int agentId, CancellationToken ct)
    {
        if (!driver.LiftDoNotCall()) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.DoNotCallRecords.Where(r => r.DriverId == driver.Id && r.LiftedAt == null).ToListAsync(ct);
        foreach (var record in open) record.Lift(agentId, now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
