using TeleCmi.Domain.Calls;

namespace TeleCmi.UnitTests.Domain;

public sealed class DailyCallCapTests
{
    [Test]
    public void Allows_WhenFewerCallsThanTheCapWerePlacedToday_IsTrue() => Assert.That(new DailyCallCap(300).Allows(299), Is.True);

    [Test]
    public void Allows_WhenTheCapIsReached_IsFalse() => Assert.That(new DailyCallCap(300).Allows(300), Is.False);

    [Test]
    public void Allows_WhenTheCapWasExceeded_IsFalse() => Assert.That(new DailyCallCap(3).Allows(7), Is.False);

    [Test]
    public void Allows_WithACapOfZero_RefusesTheFirstCall() => Assert.That(new DailyCallCap(0).Allows(0), Is.False);
}
