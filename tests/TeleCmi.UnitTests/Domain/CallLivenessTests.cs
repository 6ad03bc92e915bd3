using TeleCmi.Domain.Calls;
using static TeleCmi.UnitTests.Support.CallFacts;

namespace TeleCmi.UnitTests.Domain;

public sealed class CallLivenessTests
{
    private static readonly DateTime Now = T0.AddMinutes(1);

    private static IEnumerable<TestCaseData> LiveCalls()
    {
        yield return new TestCaseData(NewCall()).SetName("IsLive_WhenTeleCmiWasNotAskedYet_IsTrue");
        yield return new TestCaseData(DispatchedCall()).SetName("IsLive_WhenTeleCmiAcceptedTheCall_IsTrue");
        yield return new TestCaseData(With(DispatchedCall(), c => c.Apply(Event(CallLeg.Agent, "started", 2), Now))).SetName("IsLive_WhenAPhoneRings_IsTrue");
        yield return new TestCaseData(With(DispatchedCall(), c => c.Apply(Event(CallLeg.Driver, "answered", 9), Now))).SetName("IsLive_WhenTheDriverAnswered_IsTrue");
        yield return new TestCaseData(With(NewCall(), c => c.MarkUnconfirmed("timeout", Now)))
            .SetName("IsLive_WhenTeleCmiNeverConfirmed_IsTrue_BecauseTheCallMayBeRinging");
    }

    private static IEnumerable<TestCaseData> FinishedCalls()
    {
        yield return new TestCaseData(With(DispatchedCall(), c => c.Apply(Cdr(CallLeg.Driver, "answered", 60, talkSeconds: 50), Now))).SetName("IsLive_WhenCompleted_IsFalse");
        yield return new TestCaseData(With(DispatchedCall(), c => c.Apply(Cdr(CallLeg.Driver, "missed", 30), Now))).SetName("IsLive_WhenMissed_IsFalse");
        yield return new TestCaseData(With(NewCall(), c => c.MarkFailed("refused", Now))).SetName("IsLive_WhenTeleCmiRefused_IsFalse");
        yield return new TestCaseData(With(DispatchedCall(), c => c.MarkStale("no final webhook", Now))).SetName("IsLive_WhenStale_IsFalse");
        yield return new TestCaseData(With(NewCall(), c => { c.MarkUnconfirmed("timeout", Now); c.Apply(Cdr(CallLeg.Driver, "answered", 60, talkSeconds: 50), Now); }))
            .SetName("IsLive_WhenUnconfirmedButTheCallCompletedAfterAll_IsFalse");
        yield return new TestCaseData(CallLog.LogManualCall(AgentId, Driver, new AgentReport(CallOutcome.Connected), T0)).SetName("IsLive_ForAManualCall_IsFalse");
    }

    [TestCaseSource(nameof(LiveCalls))]
    public void ALiveCall_IsLive_InMemoryAndAsAQuery(CallLog call)
    {
        Assert.Multiple(() =>
        {
            Assert.That(call.IsLive, Is.True);
            Assert.That(new[] { call }.AsQueryable().Where(CallLiveness.IsLive), Has.Exactly(1).Items);
        });
    }

    [TestCaseSource(nameof(FinishedCalls))]
    public void AFinishedCall_IsNotLive_InMemoryAndAsAQuery(CallLog call)
    {
        Assert.Multiple(() =>
        {
            Assert.That(call.IsLive, Is.False);
            Assert.That(new[] { call }.AsQueryable().Where(CallLiveness.IsLive), Is.Empty);
        });
    }

    private static CallLog With(CallLog call, Action<CallLog> change)
    {
        change(call);
        return call;
    }
}
