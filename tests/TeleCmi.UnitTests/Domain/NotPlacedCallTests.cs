using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;
using static TeleCmi.UnitTests.Support.CallFacts;

namespace TeleCmi.UnitTests.Domain;

/// <summary>
/// An attempt TeleCMI certainly never took (never connected, 503/429 after the retries, circuit open) is kept as
/// <c>not_placed</c>: not a failed call, not live, not against the daily cap.
/// </summary>
public sealed class NotPlacedCallTests
{
    private static readonly DateTime Now = T0.AddSeconds(2);

    private static CallLog NotPlaced()
    {
        var call = NewCall();
        call.MarkNotPlaced("TeleCMI unavailable, no call was placed: TeleCMI answered HTTP 503", Now);
        return call;
    }

    [Test]
    public void MarkNotPlaced_FromInitiating_IsNotPlacedNotFailed_AndFinal()
    {
        var call = NotPlaced();

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.NotPlaced));
            Assert.That(call.Dispatch, Is.EqualTo(DispatchState.NotPlaced));
            Assert.That(call.FailureReason, Does.Contain("HTTP 503"));
            Assert.That(call.IsTerminal, Is.True);
            Assert.That(call.UpdatedAt, Is.EqualTo(Now));
        });
    }

    [Test]
    public void MarkNotPlaced_IsNotLive_InMemoryAndAsAQuery()
    {
        var call = NotPlaced();

        Assert.Multiple(() =>
        {
            Assert.That(call.IsLive, Is.False);
            Assert.That(new[] { call }.AsQueryable().Where(CallLiveness.IsLive), Is.Empty);
        });
    }

    private static IEnumerable<TestCaseData> CapCounting()
    {
        static CallLog With(Action<CallLog> change) { var c = NewCall(); change(c); return c; }
        yield return new TestCaseData(NotPlaced(), false).SetName("DailyCap_DoesNotCountAnAttemptThatWasNeverPlaced");
        yield return new TestCaseData(NewCall(), true).SetName("DailyCap_CountsAnAttemptStillWaitingForTeleCmi");
        yield return new TestCaseData(DispatchedCall(), true).SetName("DailyCap_CountsACallTeleCmiAccepted");
        yield return new TestCaseData(With(c => c.MarkFailed("TeleCMI refused the call (code 404)", Now)), true)
            .SetName("DailyCap_CountsACallTeleCmiRefused");
        yield return new TestCaseData(With(c => c.MarkUnconfirmed("timeout", Now)), true)
            .SetName("DailyCap_CountsACallThatMayHaveBeenPlaced");
        yield return new TestCaseData(CallLog.LogManualCall(AgentId, Driver, new AgentReport(CallOutcome.Connected), T0), false)
            .SetName("DailyCap_DoesNotCountAManualCall");
    }

    [TestCaseSource(nameof(CapCounting))]
    public void DailyCap_Counts_TheSameInMemoryAndAsAQuery(CallLog call, bool counts)
    {
        Assert.Multiple(() =>
        {
            Assert.That(DailyCallCap.CountsToward(call), Is.EqualTo(counts));
            Assert.That(new[] { call }.AsQueryable().Count(DailyCallCap.Counts), Is.EqualTo(counts ? 1 : 0));
        });
    }

    [Test]
    public void MarkStale_OnANotPlacedAttempt_ReturnsFalseAndKeepsItNotPlaced()
    {
        var call = NotPlaced();

        Assert.Multiple(() =>
        {
            Assert.That(call.MarkStale("no final webhook", Now.AddMinutes(30)), Is.False);
            Assert.That(call.Status, Is.EqualTo(CallStatus.NotPlaced));
            Assert.That(call.IsStale, Is.False);
        });
    }

    [Test]
    public void AStrayWebhook_NeverTurnsANotPlacedAttemptIntoACall()
    {
        var call = NotPlaced();

        call.Apply(Cdr(CallLeg.Driver, "answered", 60, talkSeconds: 30), Now.AddMinutes(1));

        Assert.That(call.Status, Is.EqualTo(CallStatus.NotPlaced), "TeleCMI said it took nothing; like a refusal, the status is final");
    }

    [Test]
    public void RecordFeedback_OnANotPlacedAttempt_KeepsTheStatus()
    {
        var call = NotPlaced();

        call.RecordFeedback(new AgentReport(CallOutcome.NotReachable), Now.AddMinutes(1));

        Assert.That(call.Status, Is.EqualTo(CallStatus.NotPlaced));
    }

    private static IEnumerable<TestCaseData> IllegalMoves()
    {
        static CallLog Refused() { var c = NewCall(); c.MarkFailed("refused", T0); return c; }
        static CallLog Unconfirmed() { var c = NewCall(); c.MarkUnconfirmed("timeout", T0); return c; }
        yield return new TestCaseData((Func<CallLog>)DispatchedCall, (Action<CallLog>)(c => c.MarkNotPlaced("down", Now))).SetName("MarkNotPlaced_WhenAccepted_Throws");
        yield return new TestCaseData((Func<CallLog>)Refused, (Action<CallLog>)(c => c.MarkNotPlaced("down", Now))).SetName("MarkNotPlaced_WhenRefused_Throws");
        yield return new TestCaseData((Func<CallLog>)Unconfirmed, (Action<CallLog>)(c => c.MarkNotPlaced("down", Now)))
            .SetName("MarkNotPlaced_WhenItMayHaveBeenPlaced_Throws");
        yield return new TestCaseData((Func<CallLog>)NotPlaced, (Action<CallLog>)(c => c.MarkNotPlaced("down", Now))).SetName("MarkNotPlaced_Twice_Throws");
        yield return new TestCaseData((Func<CallLog>)NotPlaced, (Action<CallLog>)(c => c.MarkDispatched("req-late", Now))).SetName("MarkDispatched_WhenNotPlaced_Throws");
        yield return new TestCaseData((Func<CallLog>)NotPlaced, (Action<CallLog>)(c => c.MarkFailed("refused", Now))).SetName("MarkFailed_WhenNotPlaced_Throws");
        yield return new TestCaseData(
                (Func<CallLog>)(() => CallLog.LogManualCall(AgentId, Driver, new AgentReport(CallOutcome.Connected), T0)),
                (Action<CallLog>)(c => c.MarkNotPlaced("down", Now)))
            .SetName("MarkNotPlaced_OnAManualCall_Throws");
    }

    [TestCaseSource(nameof(IllegalMoves))]
    public void ADispatchMove_InTheWrongState_ThrowsAndChangesNothing(Func<CallLog> arrange, Action<CallLog> act)
    {
        var call = arrange();
        var (status, dispatch, version) = (call.Status, call.Dispatch, call.Version);

        Assert.Throws<DomainException>(() => act(call));
        Assert.That((call.Status, call.Dispatch, call.Version), Is.EqualTo((status, dispatch, version)));
    }
}
