using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.Common;

/// <summary>
/// Sets and lifts a driver's do-not-call mark together with its record (<see cref="DoNotCallRecord"/>) and an entry in
/// the audit trail, all in one SaveChanges.
/// </summary>
public sealed class DoNotCallMarker(IAppDbContext db, TimeProvider clock, IAuditTrail audit)
{
    /// <summary>Marks <paramref name="driver"/> (tracked) and adds the record; a driver already marked keeps its first mark. Saves.</summary>
    /// <returns><c>true</c> when the driver was newly marked.</returns>
    public async Task<bool> MarkAsync(Driver driver, string reason, DoNotCallSource source, int? agentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!driver.MarkDoNotCall(reason, source, now)) return false;
        db.DoNotCallRecords.Add(new DoNotCallRecord(driver.Id, driver.DoNotCallReason!, source, agentId, now));
        audit.Record(AuditEntities.Driver, driver.Id, AuditActions.DoNotCall,
            [AuditChange.Of("doNotCall", false, true), AuditChange.Of("doNotCallReason", null, driver.DoNotCallReason), AuditChange.Of("doNotCallSource", null, source)]);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Lifts the mark of <paramref name="driver"/> (tracked) and records who lifted it. Saves.</summary>
    /// <returns><c>true</c> when the driver was marked.</returns>
    public async Task<bool> LiftAsync(Driver driver, int agentId, CancellationToken ct)
    {
        var (reason, source) = (driver.DoNotCallReason, driver.DoNotCallSource);
        if (!driver.LiftDoNotCall()) return false;
        audit.Record(AuditEntities.Driver, driver.Id, AuditActions.DoNotCallLifted,
            [AuditChange.Of("doNotCall", true, false), AuditChange.Of("doNotCallReason", reason, null), AuditChange.Of("doNotCallSource", source, null)]);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.DoNotCallRecords.Where(r => r.DriverId == driver.Id && r.LiftedAt == null).ToListAsync(ct);
        foreach (var record in open) record.Lift(agentId, now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
