using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;

namespace TeleCmi.UnitTests.Domain;

public sealed class FollowUpWindowTests
{
    private static readonly DateTime Now = new(2026, 3, 13, 9, 30, 0, DateTimeKind.Utc);

    [Test]
    public void Allows_ExactlyMaxDaysAhead_IsTrue() => Assert.That(FollowUpWindow.Allows(Now.AddDays(366), Now), Is.True);

    [Test]
    public void Allows_ATickBeyondMaxDaysAhead_IsFalse() => Assert.That(FollowUpWindow.Allows(Now.AddDays(366).AddTicks(1), Now), Is.False);

    [Test]
    public void Allows_ATickAfterNow_IsTrue() => Assert.That(FollowUpWindow.Allows(Now.AddTicks(1), Now), Is.True);

    [Test]
    public void Allows_Now_IsFalse() => Assert.That(FollowUpWindow.Allows(Now, Now), Is.False);

    [Test]
    public void RecordFeedback_WithAFollowUpInTheYear9999_IsRefusedNamingFollowUpAt()
    {
        var call = CallLog.StartTeleCmiCall(1, new CallParty("D1", "Ramesh", null, PhoneNumber.Parse("9876543210")), Now);

        var refusal = Assert.Throws<DomainException>(() =>
            call.RecordFeedback(new AgentReport(CallOutcome.CallBackLater, FollowUpAt: new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc)), Now));

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.Field, Is.EqualTo("followUpAt"));
            Assert.That(call.FollowUpAt, Is.Null, "nothing recorded");
        });
    }

    [Test]
    public void LogManualCall_WithAFollowUpAYearAndTwoDaysAhead_IsRefused() =>
        Assert.Throws<DomainException>(() => CallLog.LogManualCall(1, new CallParty("D1", "Ramesh", null, PhoneNumber.Parse("9876543210")),
            new AgentReport(CallOutcome.CallBackLater, FollowUpAt: Now.AddDays(367)), Now));

    [Test]
    public void LogManualCall_WithAFollowUpAtTheEdge_IsRecorded()
    {
        var call = CallLog.LogManualCall(1, new CallParty("D1", "Ramesh", null, PhoneNumber.Parse("9876543210")),
            new AgentReport(CallOutcome.CallBackLater, FollowUpAt: Now.AddDays(366)), Now);

        Assert.That(call.FollowUpAt, Is.EqualTo(Now.AddDays(366)));
    }
}
