using NUnit.Framework;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.UnitTests.Domain;

public sealed class DriverDoNotCallTests
{
    private static readonly DateTime T0 = new(2026, 3, 13, 6, 0, 0, DateTimeKind.Utc);

    private static Driver NewDriver() => new("DRV-1", "Ramesh", PhoneNumber.Parse("9876543210"), null, DriverKind.Driver, T0);

    [Test]
    public void MarkDoNotCall_Twice_KeepsTheFirstMark()
    {
        var driver = NewDriver();

        var first = driver.MarkDoNotCall("asked", DoNotCallSource.DriverRequest, T0);
        var second = driver.MarkDoNotCall("registry", DoNotCallSource.DndRegistry, T0.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That((first, second), Is.EqualTo((true, false)));
            Assert.That((driver.DoNotCallReason, driver.DoNotCallSource, driver.DoNotCallSince), Is.EqualTo(("asked", (DoNotCallSource?)DoNotCallSource.DriverRequest, (DateTime?)T0)));
        });
    }

    [Test]
    public void LiftDoNotCall_ClearsTheMark_AndALiftOfAnUnmarkedDriverChangesNothing()
    {
        var driver = NewDriver();
        driver.MarkDoNotCall("asked", DoNotCallSource.DriverRequest, T0);

        Assert.Multiple(() =>
        {
            Assert.That(driver.LiftDoNotCall(), Is.True);
            Assert.That(driver.DoNotCallSince, Is.Null);
            Assert.That(driver.LiftDoNotCall(), Is.False);
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    public void MarkDoNotCall_WithoutAReason_IsRefused(string reason) =>
        Assert.That(() => NewDriver().MarkDoNotCall(reason, DoNotCallSource.Other, T0), Throws.InstanceOf<DomainException>());

    [Test]
    public void DialRefusal_NamesTheSourceAndReason_NullWhenNotMarked()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Driver.DialRefusal(null, null, null), Is.Null);
            Assert.That(Driver.DialRefusal(T0, "on NCPR", DoNotCallSource.DndRegistry), Does.Contain("dnd_registry: on NCPR").And.Contain("2026-03-13T06:00:00Z"));
        });
    }

    [Test]
    public void DoNotCallRecord_Lift_IsRecordedOnce()
    {
        var record = new DoNotCallRecord("DRV-1", "asked", DoNotCallSource.DriverRequest, 7, T0);

        record.Lift(8, T0.AddDays(1));
        record.Lift(9, T0.AddDays(2));

        Assert.That((record.LiftedByAgentId, record.LiftedAt, record.IsActive), Is.EqualTo(((int?)8, (DateTime?)T0.AddDays(1), false)));
    }
}
