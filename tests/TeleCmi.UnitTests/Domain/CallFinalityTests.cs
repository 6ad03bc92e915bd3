using TeleCmi.Domain.Calls;
using static TeleCmi.UnitTests.Support.CallFacts;

namespace TeleCmi.UnitTests.Domain;

public sealed class CallFinalityTests
{
    private static readonly DateTime Now = T0.AddMinutes(1);

    private static IEnumerable<TestCaseData> FinalCalls()
    {
        yield return new TestCaseData(CallLog.LogManualCall(AgentId, Driver, new AgentReport(CallOutcome.Connected), T0))
            .SetName("IsFinal_ForAManualCall_IsTrueAtOnce");
        yield return new TestCaseData(With(NewCall(), c => c.MarkFailed("refused", Now))).SetName("IsFinal_WhenTeleCmiRefused_IsTrue");
        yield return new TestCaseData(With(NewCall(), c => c.MarkNotPlaced("503", Now))).SetName("IsFinal_WhenNeverPlaced_IsTrue");
        yield return new TestCaseData(With(DispatchedCall(), c => Apply(c, AnsweredThroughout())))
            .SetName("IsFinal_WhenBothLegsCdrsAreIn_IsTrue");
        yield return new TestCaseData(With(DispatchedCall(), c => Apply(c, Event(CallLeg.Agent, "started", 1), Cdr(CallLeg.Agent, "missed", 30, hangupReason: "recv_cancel"))))
            .SetName("IsFinal_WhenTheAgentDidNotPickUp_IsTrueWithTheAgentsCdrAlone");
        yield return new TestCaseData(With(DispatchedCall(), c => Apply(c, Event(CallLeg.Agent, "answered", 4), Cdr(CallLeg.Agent, "answered", 6))))
            .SetName("IsFinal_WhenTheAgentHungUpBeforeTheDriverWasDialled_IsTrue");
        yield return new TestCaseData(With(DispatchedCall(), c => Apply(c, Event(CallLeg.Driver, "started", 5),
                Cdr(CallLeg.Driver, "missed", 40, hangupReason: "recv_cancel"), Cdr(CallLeg.Agent, "answered", 40))))
            .SetName("IsFinal_WhenTheDriverDidNotAnswer_AndBothCdrsAreIn_IsTrue");
        yield return new TestCaseData(With(DispatchedCall(), c => { c.MarkStale("no final webhook", Now); Apply(c, AnsweredThroughout()); }))
            .SetName("IsFinal_WhenAStaleCallsCdrsArriveLate_IsTrue");
        yield return new TestCaseData(With(NewCall(), c => { c.MarkUnconfirmed("timeout", Now); Apply(c, AnsweredThroughout()); }))
            .SetName("IsFinal_WhenAnUnconfirmedCallsCdrsArrive_IsTrue");
    }

    private static IEnumerable<TestCaseData> CallsStillExpectingFacts()
    {
        yield return new TestCaseData(NewCall()).SetName("IsFinal_BeforeTeleCmiAnswered_IsFalse");
        yield return new TestCaseData(DispatchedCall()).SetName("IsFinal_WhenTeleCmiAcceptedTheCall_IsFalse");
        yield return new TestCaseData(With(DispatchedCall(), c => Apply(c, AnsweredThroughout()[..4])))
            .SetName("IsFinal_WhileTheyTalk_IsFalse");
        yield return new TestCaseData(With(DispatchedCall(), c => Apply(c, Event(CallLeg.Driver, "started", 5), Cdr(CallLeg.Driver, "missed", 40))))
            .SetName("IsFinal_WhenTheDriversCdrIsInButNotTheAgents_IsFalse");
        yield return new TestCaseData(With(DispatchedCall(), c => Apply(c, Event(CallLeg.Driver, "started", 5), Cdr(CallLeg.Agent, "answered", 40))))
            .SetName("IsFinal_WhenTheDriverWasDialledAndOnlyTheAgentsCdrIsIn_IsFalse");
        yield return new TestCaseData(With(DispatchedCall(), c => c.MarkStale("no final webhook", Now))).SetName("IsFinal_WhenStale_IsFalse_ReconciliationMayStillEndIt");
        yield return new TestCaseData(With(NewCall(), c => c.MarkUnconfirmed("timeout", Now))).SetName("IsFinal_WhenTeleCmiNeverConfirmed_IsFalse");
    }

    [TestCaseSource(nameof(FinalCalls))]
    public void AFinalCall_IsFinal_InMemoryAndAsAQuery(CallLog call)
    {
        Assert.Multiple(() =>
        {
            Assert.That(call.IsFinal, Is.True);
            Assert.That(new[] { call }.AsQueryable().Where(CallFinality.IsFinal), Has.Exactly(1).Items);
        });
    }

    [TestCaseSource(nameof(CallsStillExpectingFacts))]
    public void ACallStillExpectingFacts_IsNotFinal_InMemoryAndAsAQuery(CallLog call)
    {
        Assert.Multiple(() =>
        {
            Assert.That(call.IsFinal, Is.False);
            Assert.That(new[] { call }.AsQueryable().Where(CallFinality.IsFinal), Is.Empty);
        });
    }

    [Test]
    public void ACompletedCall_WaitingForTheDriversCdr_IsNotFinal_AndBecomesFinalWithTheTalkTimeAndRecording()
    {
        var call = DispatchedCall();
        var hooks = AnsweredThroughout();
        Apply(call, hooks[..5]); // everything but the driver's CDR

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.IsFinal, Is.False, "the driver leg's CDR is still to come");
            Assert.That(call.DurationSeconds, Is.Null);
        });

        Apply(call, hooks[5]);

        Assert.Multiple(() =>
        {
            Assert.That(call.IsFinal, Is.True);
            Assert.That(call.DurationSeconds, Is.EqualTo(50));
            Assert.That(call.RecordingFileName, Is.EqualTo(Recording));
        });
    }

    [Test]
    public void Final_DoesNotDependOnTheOrderOfTheFacts()
    {
        var hooks = AnsweredThroughout();
        var inOrder = With(DispatchedCall(), c => Apply(c, hooks));
        var reversed = With(DispatchedCall(), c => Apply(c, hooks.Reverse().ToArray()));

        Assert.That((inOrder.IsFinal, reversed.IsFinal), Is.EqualTo((true, true)));
    }

    private static ProviderSignal[] AnsweredThroughout() =>
    [
        Event(CallLeg.Agent, "started", 1),
        Event(CallLeg.Agent, "answered", 4),
        Event(CallLeg.Driver, "started", 5),
        Event(CallLeg.Driver, "answered", 11),
        Cdr(CallLeg.Agent, "answered", 61, talkSeconds: 57, hangupReason: "sent_bye"),
        Cdr(CallLeg.Driver, "answered", 61, talkSeconds: 50, hangupReason: "recv_bye", recording: Recording),
    ];

    private static void Apply(CallLog call, params ProviderSignal[] signals)
    {
        foreach (var signal in signals) call.Apply(signal, Now);
    }

    private static CallLog With(CallLog call, Action<CallLog> change)
    {
        change(call);
        return call;
    }
}
