using TeleCmi.Domain.Calls;
using static TeleCmi.UnitTests.Support.CallFacts;

namespace TeleCmi.UnitTests.Domain;

public sealed class DailyCallCapTests
{
    private static readonly DateTime Now = T0.AddMinutes(1);

    [Test]
    public void Allows_WhenFewerCallsThanTheCapWerePlacedToday_IsTrue() => Assert.That(new DailyCallCap(300).Allows(299), Is.True);

    [Test]
    public void Allows_WhenTheCapIsReached_IsFalse() => Assert.That(new DailyCallCap(300).Allows(300), Is.False);

    [Test]
    public void Allows_WhenTheCapWasExceeded_IsFalse() => Assert.That(new DailyCallCap(3).Allows(7), Is.False);

    [Test]
    public void Allows_WithACapOfZero_RefusesTheFirstCall() => Assert.That(new DailyCallCap(0).Allows(0), Is.False);

    private static IEnumerable<TestCaseData> CountedCalls()
    {
        yield return new TestCaseData(NewCall()).SetName("CountsToward_ATeleCmiCallNotYetSent_IsTrue_BecauseItIsAboutToBeDialled");
        yield return new TestCaseData(DispatchedCall()).SetName("CountsToward_ATeleCmiCallTeleCmiAccepted_IsTrue");
        yield return new TestCaseData(With(NewCall(), c => c.MarkFailed("refused", Now))).SetName("CountsToward_ATeleCmiCallTeleCmiRefused_IsTrue");
        yield return new TestCaseData(With(NewCall(), c => c.MarkUnconfirmed("timeout", Now)))
            .SetName("CountsToward_ATeleCmiCallTeleCmiNeverConfirmed_IsTrue_BecauseItMayHaveBeenPlaced");
        yield return new TestCaseData(With(DispatchedCall(), c => c.Apply(Cdr(CallLeg.Driver, "answered", 60, talkSeconds: 50), Now)))
            .SetName("CountsToward_ACompletedTeleCmiCall_IsTrue");
    }

    [TestCaseSource(nameof(CountedCalls))]
    public void ATeleCmiCall_CountsTowardTheCap_InMemoryAndAsAQuery(CallLog call)
    {
        Assert.Multiple(() =>
        {
            Assert.That(DailyCallCap.CountsToward(call), Is.True);
            Assert.That(new[] { call }.AsQueryable().Where(DailyCallCap.Counts), Has.Exactly(1).Items);
        });
    }

    [Test]
    public void AManualCall_DoesNotCountTowardTheCap_InMemoryAndAsAQuery()
    {
        var manual = CallLog.LogManualCall(AgentId, Driver, new AgentReport(CallOutcome.Connected), T0);

        Assert.Multiple(() =>
        {
            Assert.That(DailyCallCap.CountsToward(manual), Is.False);
            Assert.That(new[] { manual }.AsQueryable().Where(DailyCallCap.Counts), Is.Empty);
        });
    }

    private static CallLog With(CallLog call, Action<CallLog> change)
    {
        change(call);
        return call;
    }
}
