using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.Common;

/// <summary>What a change did to a driver, for the audit trail. Erasure redacts these values (see EraseDriver).</summary>
public static class DriverAudit
{
    /// <summary>The fields of a driver that carry personal data: erasure replaces their recorded values.</summary>
    public static IReadOnlyList<string> PersonalFields { get; } = ["name", "phone", "tmId"];

    public sealed record State(string Name, string Phone, string? TmId, DriverKind Kind)
    {
        public static State Of(Driver d) => new(d.Name, d.Phone, d.TmId, d.Kind);
    }

    public static void RecordDriver(this IAuditTrail audit, string action, State before, Driver driver)
    {
        var after = State.Of(driver);
        var changes = new AuditChanges()
            .Field("name", before.Name, after.Name)
            .Field("phone", before.Phone, after.Phone)
            .Field("tmId", before.TmId, after.TmId)
            .Field("kind", before.Kind, after.Kind)
            .ToList();
        audit.Record(AuditEntities.Driver, driver.Id, action, changes);
    }
}
