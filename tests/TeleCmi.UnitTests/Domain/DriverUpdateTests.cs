using TeleCmi.Domain.Common;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.UnitTests.Domain;

/// <summary>A driver takes the platform's record; only a real change counts as one.</summary>
public sealed class DriverUpdateTests
{
    private static readonly DateTime Created = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Created.AddHours(5);

    private static Driver NewDriver() => new("driver_123", "Ramesh Yadav", PhoneNumber.Parse("9876543210"), "TM1", DriverKind.Driver, Created);

    [Test]
    public void Update_WithTheSameDetails_WrittenDifferently_ChangesNothing()
    {
        var driver = NewDriver();

        var changed = driver.Update(" Ramesh Yadav ", PhoneNumber.Parse("+91 98765-43210"), "TM1 ", DriverKind.Driver, Later);

        Assert.That(changed, Is.False);
        Assert.That(driver.UpdatedAt, Is.EqualTo(Created));
    }

    [TestCase("Suresh", "9876543210", "TM1", DriverKind.Driver)]
    [TestCase("Ramesh Yadav", "9876500000", "TM1", DriverKind.Driver)]
    [TestCase("Ramesh Yadav", "9876543210", null, DriverKind.Driver)]
    [TestCase("Ramesh Yadav", "9876543210", "TM1", DriverKind.Transporter)]
    public void Update_WithAnyDetailChanged_TakesItAndMovesUpdatedAt(string name, string phone, string? tmId, DriverKind kind)
    {
        var driver = NewDriver();

        var changed = driver.Update(name, PhoneNumber.Parse(phone), tmId, kind, Later);

        Assert.That(changed, Is.True);
        Assert.That((driver.Name, driver.Phone, driver.TmId, driver.Kind), Is.EqualTo((name, PhoneNumber.Parse(phone).E164, tmId, kind)));
        Assert.That((driver.CreatedAt, driver.UpdatedAt), Is.EqualTo((Created, Later)));
    }
}
