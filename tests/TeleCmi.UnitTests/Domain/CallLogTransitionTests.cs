using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;
using static TeleCmi.UnitTests.Support.CallFacts;

namespace TeleCmi.UnitTests.Domain;

public sealed class CallLogTransitionTests
{
    private static readonly DateTime Now = T0.AddMinutes(5);

    // ---- initiating ----

    [Test]
    public void StartTeleCmiCall_IsInitiatingAndWaitsForTeleCmi()
    {
        var call = NewCall();

        Assert.Multiple(() =>
        {
            Assert.That(call.Id, Does.StartWith("call_"));
            Assert.That(call.Status, Is.EqualTo(CallStatus.Initiating));
            Assert.That(call.Dispatch, Is.EqualTo(DispatchState.Pending));
            Assert.That(call.Provider, Is.EqualTo(CallProvider.TeleCmi));
            Assert.That(call.DriverPhone, Is.EqualTo("+919876543210"));
            Assert.That(call.CreatedAt, Is.EqualTo(T0));
            Assert.That(call.IsTerminal, Is.False);
        });
    }

    [Test]
    public void MarkDispatched_FromInitiating_IsInitiatedWithTheRequestId()
    {
        var call = NewCall();

        call.MarkDispatched("req-42", T0.AddSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Initiated));
            Assert.That(call.Dispatch, Is.EqualTo(DispatchState.Accepted));
            Assert.That(call.TeleCmiRequestId, Is.EqualTo("req-42"));
            Assert.That(call.UpdatedAt, Is.EqualTo(T0.AddSeconds(1)));
            Assert.That(call.IsTerminal, Is.False);
        });
    }

    [Test]
    public void MarkDispatched_AfterAWebhookBeatTeleCmisAnswer_KeepsTheCallRinging()
    {
        var call = NewCall();
        call.Apply(Event(CallLeg.Agent, "started", 1), Now);

        call.MarkDispatched(RequestId, T0.AddSeconds(2));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Ringing));
            Assert.That(call.Dispatch, Is.EqualTo(DispatchState.Accepted));
            Assert.That(call.TeleCmiRequestId, Is.EqualTo(RequestId));
        });
    }

    [Test]
    public void MarkFailed_FromInitiating_IsFailedWithTheReason()
    {
        var call = NewCall();

        call.MarkFailed("TeleCMI refused the call (code 404): invalid user", T0.AddSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Failed));
            Assert.That(call.Dispatch, Is.EqualTo(DispatchState.Refused));
            Assert.That(call.FailureReason, Is.EqualTo("TeleCMI refused the call (code 404): invalid user"));
            Assert.That(call.IsTerminal, Is.True);
        });
    }

    [Test]
    public void MarkUnconfirmed_FromInitiating_IsFailedUntilTeleCmiSaysMore()
    {
        var call = NewCall();

        call.MarkUnconfirmed("timed out; the call may still have been placed", T0.AddSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Failed));
            Assert.That(call.Dispatch, Is.EqualTo(DispatchState.Unconfirmed));
            Assert.That(call.FailureReason, Does.Contain("may still have been placed"));
        });
    }

    private static IEnumerable<TestCaseData> SignalsAfterUnconfirmed()
    {
        yield return new TestCaseData(new[] { Event(CallLeg.Agent, "started", 1) }, CallStatus.Ringing)
            .SetName("MarkUnconfirmed_ThenAgentLegStarted_IsRinging");
        yield return new TestCaseData(new[] { Event(CallLeg.Driver, "started", 6) }, CallStatus.Ringing)
            .SetName("MarkUnconfirmed_ThenDriverLegStarted_IsRinging");
        yield return new TestCaseData(new[] { Event(CallLeg.Driver, "answered", 12) }, CallStatus.Answered)
            .SetName("MarkUnconfirmed_ThenDriverLegAnswered_IsAnswered");
        yield return new TestCaseData(new[] { Cdr(CallLeg.Driver, "answered", 90, 78, "recv_bye") }, CallStatus.Completed)
            .SetName("MarkUnconfirmed_ThenDriverCdrAnswered_IsCompleted");
        yield return new TestCaseData(new[] { Cdr(CallLeg.Driver, "missed", 40, 0, "recv_cancel") }, CallStatus.Missed)
            .SetName("MarkUnconfirmed_ThenDriverCdrMissed_IsMissed");
    }

    [TestCaseSource(nameof(SignalsAfterUnconfirmed))]
    public void MarkUnconfirmed_ALaterWebhookMovesTheCallForward(ProviderSignal[] signals, CallStatus expected)
    {
        var call = NewCall();
        call.MarkUnconfirmed("timed out", T0.AddSeconds(10));

        foreach (var signal in signals) Assert.That(call.Apply(signal, Now), Is.True);

        Assert.That(call.Status, Is.EqualTo(expected));
    }

    [Test]
    public void MarkDispatched_AfterUnconfirmed_IsInitiated()
    {
        var call = NewCall();
        call.MarkUnconfirmed("timed out", T0.AddSeconds(10));

        call.MarkDispatched("req-late", T0.AddSeconds(11));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Initiated));
            Assert.That(call.Dispatch, Is.EqualTo(DispatchState.Accepted));
            Assert.That(call.TeleCmiRequestId, Is.EqualTo("req-late"));
        });
    }

    private static IEnumerable<TestCaseData> IllegalDispatchMoves()
    {
        static CallLog Dispatched() => DispatchedCall();
        static CallLog Failed() { var c = NewCall(); c.MarkFailed("refused", T0); return c; }
        static CallLog Unconfirmed() { var c = NewCall(); c.MarkUnconfirmed("timeout", T0); return c; }

        yield return new TestCaseData((Func<CallLog>)Dispatched, (Action<CallLog>)(c => c.MarkDispatched("req-2", Now)))
            .SetName("MarkDispatched_WhenAlreadyAccepted_Throws");
        yield return new TestCaseData((Func<CallLog>)Failed, (Action<CallLog>)(c => c.MarkDispatched("req-2", Now)))
            .SetName("MarkDispatched_WhenRefused_Throws");
        yield return new TestCaseData((Func<CallLog>)Dispatched, (Action<CallLog>)(c => c.MarkFailed("refused", Now)))
            .SetName("MarkFailed_WhenAccepted_Throws");
        yield return new TestCaseData((Func<CallLog>)Failed, (Action<CallLog>)(c => c.MarkFailed("refused", Now)))
            .SetName("MarkFailed_WhenAlreadyRefused_Throws");
        yield return new TestCaseData((Func<CallLog>)Unconfirmed, (Action<CallLog>)(c => c.MarkFailed("refused", Now)))
            .SetName("MarkFailed_WhenUnconfirmed_Throws");
        yield return new TestCaseData((Func<CallLog>)Dispatched, (Action<CallLog>)(c => c.MarkUnconfirmed("timeout", Now)))
            .SetName("MarkUnconfirmed_WhenAccepted_Throws");
        yield return new TestCaseData((Func<CallLog>)Failed, (Action<CallLog>)(c => c.MarkUnconfirmed("timeout", Now)))
            .SetName("MarkUnconfirmed_WhenRefused_Throws");
        yield return new TestCaseData((Func<CallLog>)Unconfirmed, (Action<CallLog>)(c => c.MarkUnconfirmed("timeout", Now)))
            .SetName("MarkUnconfirmed_WhenAlreadyUnconfirmed_Throws");
    }

    [TestCaseSource(nameof(IllegalDispatchMoves))]
    public void DispatchMove_InTheWrongState_ThrowsAndChangesNothing(Func<CallLog> arrange, Action<CallLog> act)
    {
        var call = arrange();
        var (status, dispatch, reason, requestId, version) = (call.Status, call.Dispatch, call.FailureReason, call.TeleCmiRequestId, call.Version);

        Assert.Throws<DomainException>(() => act(call));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(status));
            Assert.That(call.Dispatch, Is.EqualTo(dispatch));
            Assert.That(call.FailureReason, Is.EqualTo(reason));
            Assert.That(call.TeleCmiRequestId, Is.EqualTo(requestId));
            Assert.That(call.Version, Is.EqualTo(version));
        });
    }

    // ---- initiated -> ringing -> answered -> completed ----

    [TestCase(CallLeg.Agent, "started")]
    [TestCase(CallLeg.Driver, "started")]
    [TestCase(CallLeg.Agent, "ringing")]
    [TestCase(CallLeg.Driver, "ringing")]
    public void Apply_StartedEventOnEitherLeg_MakesTheCallRinging(CallLeg leg, string status)
    {
        var call = DispatchedCall();

        var changed = call.Apply(Event(leg, status, 2), Now);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Ringing));
            Assert.That(call.UpdatedAt, Is.EqualTo(Now));
        });
    }

    [Test]
    public void Apply_AgentLegAnsweredEvent_KeepsTheCallRingingUntilTheDriverAnswers()
    {
        var call = DispatchedCall();
        call.Apply(Event(CallLeg.Agent, "started", 1), Now);

        call.Apply(Event(CallLeg.Agent, "answered", 5), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Ringing));
            Assert.That(call.AnsweredAt, Is.Null);
        });
    }

    [Test]
    public void Apply_DriverLegAnsweredEvent_MakesTheCallAnswered()
    {
        var call = DispatchedCall();
        call.Apply(Event(CallLeg.Driver, "started", 6), Now);

        call.Apply(Event(CallLeg.Driver, "answered", 12), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Answered));
            Assert.That(call.AnsweredAt, Is.EqualTo(T0.AddSeconds(12)));
            Assert.That(call.DriverLegId, Is.EqualTo(DriverLegId));
            Assert.That(call.IsTerminal, Is.False);
        });
    }

    [Test]
    public void Apply_CdrAnsweredOnDriverLeg_CompletesTheCall()
    {
        var call = DispatchedCall();
        call.Apply(Event(CallLeg.Driver, "answered", 12), Now);

        call.Apply(Cdr(CallLeg.Driver, "answered", 110, 98, "recv_bye", Recording), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.IsTerminal, Is.True);
            Assert.That(call.MissedBy, Is.Null);
            Assert.That(call.TalkSeconds, Is.EqualTo(98));
            Assert.That(call.DurationSeconds, Is.EqualTo(98));
            Assert.That(call.HangupReason, Is.EqualTo("recv_bye"));
            Assert.That(call.RecordingFileName, Is.EqualTo(Recording));
            Assert.That(call.EndedAt, Is.EqualTo(T0.AddSeconds(110)));
            Assert.That(call.ConversationId, Is.EqualTo(ConversationId));
        });
    }

    [Test]
    public void Apply_CdrAnsweredOnDriverLegWithoutAnyEvent_CompletesTheCall()
    {
        var call = DispatchedCall();

        call.Apply(Cdr(CallLeg.Driver, "answered", 110, 98, "recv_bye"), Now);

        Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
    }

    [Test]
    public void Apply_TalkSecondsOnTheAgentLegCdr_AreNotTakenAsTalkTime()
    {
        var call = DispatchedCall();

        call.Apply(Cdr(CallLeg.Agent, "answered", 110, 105, "sent_bye"), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.TalkSeconds, Is.Null);
            Assert.That(call.AgentHangupReason, Is.EqualTo("sent_bye"));
            Assert.That(call.HangupReason, Is.Null);
        });
    }

    [Test]
    public void Apply_TalkSecondsBeyondADay_AreClampedToADay()
    {
        var call = DispatchedCall();

        call.Apply(Cdr(CallLeg.Driver, "answered", 110, 1_000_000), Now);

        Assert.That(call.TalkSeconds, Is.EqualTo(CallLog.MaxDurationSeconds));
    }

    // ---- missed ----

    [Test]
    public void Apply_CdrMissedOnDriverLeg_IsMissedByTheDriver()
    {
        var call = DispatchedCall();
        call.Apply(Event(CallLeg.Driver, "started", 6), Now);

        call.Apply(Cdr(CallLeg.Driver, "missed", 40, 0, "recv_cancel"), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Missed));
            Assert.That(call.MissedBy, Is.EqualTo(MissedParty.Driver));
            Assert.That(call.EndedAt, Is.EqualTo(T0.AddSeconds(40)));
            Assert.That(call.TalkSeconds, Is.Null);
            Assert.That(call.IsTerminal, Is.True);
        });
    }

    [Test]
    public void Apply_CdrMissedOnAgentLeg_IsMissedByTheAgent()
    {
        var call = DispatchedCall();
        call.Apply(Event(CallLeg.Agent, "started", 1), Now);

        call.Apply(Cdr(CallLeg.Agent, "missed", 30, 0, "recv_cancel"), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Missed));
            Assert.That(call.MissedBy, Is.EqualTo(MissedParty.Agent));
            Assert.That(call.AgentHangupReason, Is.EqualTo("recv_cancel"));
            Assert.That(call.EndedAt, Is.EqualTo(T0.AddSeconds(30)));
        });
    }

    [TestCase(false, TestName = "Apply_AgentCdrAnsweredWhileDriverLegNeverStarted_IsMissedByTheDriver")]
    [TestCase(true, TestName = "Apply_AgentCdrAnsweredWhileDriverLegOnlyRang_IsMissedByTheDriver")]
    public void Apply_AgentCdrAnsweredWhileDriverNeverAnswered_IsMissedByTheDriver(bool driverRang)
    {
        var call = DispatchedCall();
        call.Apply(Event(CallLeg.Agent, "answered", 5), Now);
        if (driverRang) call.Apply(Event(CallLeg.Driver, "started", 6), Now);

        call.Apply(Cdr(CallLeg.Agent, "answered", 50, 45, "sent_bye"), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Missed));
            Assert.That(call.MissedBy, Is.EqualTo(MissedParty.Driver));
        });
    }

    [Test]
    public void Apply_DriverCdrAnsweredAfterAgentCdrMadeItMissed_CompletesTheCallAndClearsMissedBy()
    {
        var call = DispatchedCall();
        call.Apply(Cdr(CallLeg.Agent, "answered", 110, 105, "sent_bye"), Now);

        call.Apply(Cdr(CallLeg.Driver, "answered", 111, 98, "recv_bye"), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.MissedBy, Is.Null);
        });
    }

    // ---- terminal states never move back ----

    private static IEnumerable<TestCaseData> TerminalCallsAndLateEvents()
    {
        var terminals = new (string Name, ProviderSignal[] Signals, CallStatus Status, MissedParty? MissedBy)[]
        {
            ("Completed", [Cdr(CallLeg.Driver, "answered", 110, 98, "recv_bye")], CallStatus.Completed, null),
            ("MissedByDriver", [Cdr(CallLeg.Driver, "missed", 40, 0, "recv_cancel")], CallStatus.Missed, MissedParty.Driver),
            ("MissedByAgent", [Cdr(CallLeg.Agent, "missed", 30, 0, "recv_cancel")], CallStatus.Missed, MissedParty.Agent),
        };
        var late = new (string Name, ProviderSignal Signal)[]
        {
            ("AgentStarted", Event(CallLeg.Agent, "started", 1)),
            ("AgentAnswered", Event(CallLeg.Agent, "answered", 5)),
            ("DriverStarted", Event(CallLeg.Driver, "started", 6)),
            ("DriverAnswered", Event(CallLeg.Driver, "answered", 12)),
        };
        foreach (var t in terminals)
        foreach (var l in late)
            yield return new TestCaseData(t.Signals, t.Status, t.MissedBy, l.Signal)
                .SetName($"Apply_{l.Name}EventAfter{t.Name}_LeavesTheStatusUnchanged");
    }

    [TestCaseSource(nameof(TerminalCallsAndLateEvents))]
    public void Apply_LiveEventAfterATerminalState_LeavesTheStatusUnchanged(
        ProviderSignal[] terminal, CallStatus status, MissedParty? missedBy, ProviderSignal lateEvent)
    {
        var call = DispatchedCall();
        foreach (var signal in terminal) call.Apply(signal, Now);
        Assume.That(call.Status, Is.EqualTo(status));

        call.Apply(lateEvent, Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(status));
            Assert.That(call.MissedBy, Is.EqualTo(missedBy));
        });
    }

    [TestCase(CallLeg.Agent, "started")]
    [TestCase(CallLeg.Driver, "started")]
    [TestCase(CallLeg.Agent, "answered")]
    public void Apply_LiveEventAfterAgentCdrMadeItMissedByDriver_LeavesTheStatusUnchanged(CallLeg leg, string status)
    {
        var call = DispatchedCall();
        call.Apply(Cdr(CallLeg.Agent, "answered", 50, 45, "sent_bye"), Now);

        call.Apply(Event(leg, status, 6), Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Missed));
            Assert.That(call.MissedBy, Is.EqualTo(MissedParty.Driver));
        });
    }

    [Test]
    public void Apply_TheSameWebhookTwice_ReturnsFalseAndChangesNothing()
    {
        var call = DispatchedCall();
        var cdr = Cdr(CallLeg.Driver, "answered", 110, 98, "recv_bye", Recording);
        Assert.That(call.Apply(cdr, Now), Is.True);
        var (version, updatedAt) = (call.Version, call.UpdatedAt);

        var changed = call.Apply(cdr, Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.False);
            Assert.That(call.Version, Is.EqualTo(version));
            Assert.That(call.UpdatedAt, Is.EqualTo(updatedAt));
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
        });
    }

    private static IEnumerable<TestCaseData> OlderNews()
    {
        yield return new TestCaseData(Event(CallLeg.Driver, "started", 6)).SetName("Apply_DriverStartedAfterTheCallCompleted_ReturnsFalse");
        yield return new TestCaseData(Event(CallLeg.Driver, "answered", 20)).SetName("Apply_LaterDriverAnsweredAfterTheCallCompleted_ReturnsFalse");
        yield return new TestCaseData(Event(CallLeg.Agent, "started", 1)).SetName("Apply_AgentStartedAfterTheCallCompleted_ReturnsFalse");
        yield return new TestCaseData(Event(CallLeg.Agent, "answered", 5)).SetName("Apply_AgentAnsweredAfterTheCallCompleted_ReturnsFalse");
        yield return new TestCaseData(Cdr(CallLeg.Driver, "answered", 100, 90, "recv_bye")).SetName("Apply_AnEarlierDriverCdrWithLessTalkTime_ReturnsFalse");
    }

    [TestCaseSource(nameof(OlderNews))]
    public void Apply_OlderNews_ReturnsFalseAndChangesNothing(ProviderSignal older)
    {
        var call = DispatchedCall();
        call.Apply(Event(CallLeg.Agent, "started", 1), Now);
        call.Apply(Event(CallLeg.Agent, "answered", 5), Now);
        call.Apply(Event(CallLeg.Driver, "started", 6), Now);
        call.Apply(Event(CallLeg.Driver, "answered", 12), Now);
        call.Apply(Cdr(CallLeg.Driver, "answered", 110, 98, "recv_bye", Recording), Now);
        var version = call.Version;

        var changed = call.Apply(older, Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.False);
            Assert.That(call.Version, Is.EqualTo(version));
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.AnsweredAt, Is.EqualTo(T0.AddSeconds(12)));
            Assert.That(call.TalkSeconds, Is.EqualTo(98));
            Assert.That(call.EndedAt, Is.EqualTo(T0.AddSeconds(110)));
        });
    }

    [Test]
    public void Apply_UnknownStatusWord_TeachesNothingAboutTheLeg()
    {
        var call = DispatchedCall();
        call.Apply(Event(CallLeg.Driver, "started", 6), Now);

        call.Apply(Event(CallLeg.Driver, "transferred", 9), Now);
        call.Apply(Event(CallLeg.Driver, "hangup", 10), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Ringing));
            Assert.That(call.DriverLeg, Is.EqualTo(LegState.Started));
        });
    }

    // ---- a refused call ----

    private static IEnumerable<TestCaseData> WebhooksForARefusedCall()
    {
        yield return new TestCaseData(Event(CallLeg.Agent, "started", 1)).SetName("Apply_AgentStartedOnARefusedCall_LeavesItFailed");
        yield return new TestCaseData(Event(CallLeg.Driver, "answered", 12)).SetName("Apply_DriverAnsweredOnARefusedCall_LeavesItFailed");
        yield return new TestCaseData(Cdr(CallLeg.Driver, "answered", 110, 98, "recv_bye")).SetName("Apply_DriverCdrAnsweredOnARefusedCall_LeavesItFailed");
        yield return new TestCaseData(Cdr(CallLeg.Driver, "missed", 40)).SetName("Apply_DriverCdrMissedOnARefusedCall_LeavesItFailed");
        yield return new TestCaseData(Cdr(CallLeg.Agent, "missed", 30)).SetName("Apply_AgentCdrMissedOnARefusedCall_LeavesItFailed");
    }

    [TestCaseSource(nameof(WebhooksForARefusedCall))]
    public void Apply_OnARefusedCall_LeavesItFailed(ProviderSignal signal)
    {
        var call = NewCall();
        call.MarkFailed("TeleCMI refused the call (code 404): invalid number", T0.AddSeconds(1));

        call.Apply(signal, Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Failed));
            Assert.That(call.MissedBy, Is.Null);
            Assert.That(call.FailureReason, Is.EqualTo("TeleCMI refused the call (code 404): invalid number"));
        });
    }

    // ---- stale ----

    [Test]
    public void MarkStale_OnALiveCall_IsUnknown()
    {
        var call = DispatchedCall();
        call.Apply(Event(CallLeg.Driver, "answered", 12), Now);

        var marked = call.MarkStale("no final webhook in 30 minutes", Now.AddMinutes(30));

        Assert.Multiple(() =>
        {
            Assert.That(marked, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Unknown));
            Assert.That(call.IsStale, Is.True);
            Assert.That(call.FailureReason, Is.EqualTo("no final webhook in 30 minutes"));
            Assert.That(call.IsTerminal, Is.False);
        });
    }

    [Test]
    public void MarkStale_Twice_ReturnsFalseTheSecondTime()
    {
        var call = DispatchedCall();
        call.MarkStale("first", Now);
        var version = call.Version;

        Assert.Multiple(() =>
        {
            Assert.That(call.MarkStale("second", Now.AddMinutes(1)), Is.False);
            Assert.That(call.FailureReason, Is.EqualTo("first"));
            Assert.That(call.Version, Is.EqualTo(version));
        });
    }

    [Test]
    public void MarkStale_OnACompletedCall_ReturnsFalseAndKeepsItCompleted()
    {
        var call = DispatchedCall();
        call.Apply(Cdr(CallLeg.Driver, "answered", 110, 98), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.MarkStale("late", Now.AddMinutes(30)), Is.False);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.IsStale, Is.False);
        });
    }

    [Test]
    public void Apply_LateDriverCdrAnsweredOnAStaleCall_CompletesIt()
    {
        var call = DispatchedCall();
        call.Apply(Event(CallLeg.Driver, "answered", 12), Now);
        call.MarkStale("no final webhook", Now.AddMinutes(30));

        var changed = call.Apply(Cdr(CallLeg.Driver, "answered", 110, 98, "recv_bye"), Now.AddMinutes(40));

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.TalkSeconds, Is.EqualTo(98));
        });
    }

    [Test]
    public void Apply_LateDriverCdrMissedOnAStaleCall_IsMissedByTheDriver()
    {
        var call = DispatchedCall();
        call.MarkStale("no final webhook", Now.AddMinutes(30));

        call.Apply(Cdr(CallLeg.Driver, "missed", 40), Now.AddMinutes(40));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Missed));
            Assert.That(call.MissedBy, Is.EqualTo(MissedParty.Driver));
        });
    }

    [Test]
    public void Apply_LateLiveEventOnAStaleCall_KeepsItUnknown()
    {
        var call = DispatchedCall();
        call.MarkStale("no final webhook", Now.AddMinutes(30));

        call.Apply(Event(CallLeg.Driver, "answered", 12), Now.AddMinutes(40));

        Assert.That(call.Status, Is.EqualTo(CallStatus.Unknown));
    }

    // ---- recording file names ----

    [TestCase("../x.mp3")]
    [TestCase("..\\x.mp3")]
    [TestCase("http://evil/x.mp3")]
    [TestCase("https://evil.example/x.mp3?secret=1")]
    [TestCase("a/b.mp3")]
    [TestCase("/etc/passwd")]
    [TestCase("a\\b.mp3")]
    [TestCase("x..mp3")]
    [TestCase(".hidden.mp3")]
    [TestCase("x.mp3?file=y")]
    [TestCase("x y.mp3")]
    [TestCase("")]
    public void Apply_RecordingFileNameThatIsAPathOrUrl_IsNotStored(string fileName)
    {
        var call = DispatchedCall();

        call.Apply(Cdr(CallLeg.Driver, "answered", 110, 98, "recv_bye", fileName), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.RecordingFileName, Is.Null);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
        });
    }

    [Test]
    public void Apply_RecordingFileNameLongerThan200Characters_IsNotStored()
    {
        var call = DispatchedCall();

        call.Apply(Cdr(CallLeg.Driver, "answered", 110, 98, recording: new string('a', 197) + ".mp3"), Now);

        Assert.That(call.RecordingFileName, Is.Null);
    }

    [TestCase("1736935200_5003.mp3")]
    [TestCase("rec-5003.wav")]
    public void Apply_PlainRecordingFileName_IsStored(string fileName)
    {
        var call = DispatchedCall();

        call.Apply(Cdr(CallLeg.Driver, "answered", 110, 98, "recv_bye", fileName), Now);

        Assert.That(call.RecordingFileName, Is.EqualTo(fileName));
    }

    [Test]
    public void Apply_RecordingOnAnEvent_IsIgnored()
    {
        var call = DispatchedCall();

        call.Apply(Event(CallLeg.Driver, "answered", 12) with { RecordingFile = Recording }, Now);

        Assert.That(call.RecordingFileName, Is.Null);
    }

    // ---- manual calls ----

    [TestCase(CallOutcome.Connected, CallStatus.Completed)]
    [TestCase(CallOutcome.Interested, CallStatus.Completed)]
    [TestCase(CallOutcome.NotInterested, CallStatus.Completed)]
    [TestCase(CallOutcome.CallBackLater, CallStatus.Completed)]
    [TestCase(CallOutcome.WrongNumber, CallStatus.Completed)]
    [TestCase(CallOutcome.Other, CallStatus.Completed)]
    [TestCase(CallOutcome.NotReachable, CallStatus.Missed)]
    [TestCase(CallOutcome.Busy, CallStatus.Missed)]
    public void LogManualCall_StatusFollowsTheOutcome(CallOutcome outcome, CallStatus expected)
    {
        var call = CallLog.LogManualCall(AgentId, Driver, new AgentReport(outcome, "spoke briefly", DurationSeconds: 60), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(expected));
            Assert.That(call.Provider, Is.EqualTo(CallProvider.Manual));
            Assert.That(call.Dispatch, Is.EqualTo(DispatchState.NotApplicable));
            Assert.That(call.Outcome, Is.EqualTo(outcome));
            Assert.That(call.Feedback, Is.EqualTo("spoke briefly"));
            Assert.That(call.DurationSeconds, Is.EqualTo(60));
            Assert.That(call.EndedAt, Is.EqualTo(Now));
            Assert.That(call.IsTerminal, Is.True);
        });
    }

    private static IEnumerable<TestCaseData> ProviderSignalsOnAManualCall()
    {
        yield return new TestCaseData((Action<CallLog>)(c => c.Apply(Cdr(CallLeg.Driver, "answered", 110, 98), Now))).SetName("Apply_OnAManualCall_Throws");
        yield return new TestCaseData((Action<CallLog>)(c => c.MarkDispatched("req-1", Now))).SetName("MarkDispatched_OnAManualCall_Throws");
        yield return new TestCaseData((Action<CallLog>)(c => c.MarkFailed("refused", Now))).SetName("MarkFailed_OnAManualCall_Throws");
        yield return new TestCaseData((Action<CallLog>)(c => c.MarkUnconfirmed("timeout", Now))).SetName("MarkUnconfirmed_OnAManualCall_Throws");
    }

    [TestCaseSource(nameof(ProviderSignalsOnAManualCall))]
    public void ProviderSignal_OnAManualCall_ThrowsAndChangesNothing(Action<CallLog> act)
    {
        var call = CallLog.LogManualCall(AgentId, Driver, new AgentReport(CallOutcome.Busy), Now);

        Assert.Throws<DomainException>(() => act(call));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Missed));
            Assert.That(call.TalkSeconds, Is.Null);
            Assert.That(call.TeleCmiRequestId, Is.Null);
            Assert.That(call.Dispatch, Is.EqualTo(DispatchState.NotApplicable));
        });
    }

    [Test]
    public void MarkStale_OnAManualCall_ReturnsFalse()
    {
        var call = CallLog.LogManualCall(AgentId, Driver, new AgentReport(CallOutcome.Connected), Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.MarkStale("late", Now.AddHours(1)), Is.False);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
        });
    }

    // ---- feedback ----

    private static IEnumerable<TestCaseData> CallsInEveryStatus()
    {
        static CallLog Applied(params ProviderSignal[] signals)
        {
            var call = DispatchedCall();
            foreach (var s in signals) call.Apply(s, Now);
            return call;
        }
        static CallLog Failed() { var c = NewCall(); c.MarkFailed("refused", T0); return c; }
        static CallLog Stale() { var c = DispatchedCall(); c.MarkStale("late", Now); return c; }

        TestCaseData Case(string name, Func<CallLog> arrange, CallStatus status) =>
            new TestCaseData(arrange, status).SetArgDisplayNames(name);

        yield return Case("initiating", NewCall, CallStatus.Initiating);
        yield return Case("initiated", DispatchedCall, CallStatus.Initiated);
        yield return Case("ringing", () => Applied(Event(CallLeg.Agent, "started", 1)), CallStatus.Ringing);
        yield return Case("answered", () => Applied(Event(CallLeg.Driver, "answered", 12)), CallStatus.Answered);
        yield return Case("completed", () => Applied(Cdr(CallLeg.Driver, "answered", 110, 98)), CallStatus.Completed);
        yield return Case("missed", () => Applied(Cdr(CallLeg.Driver, "missed", 40)), CallStatus.Missed);
        yield return Case("failed", Failed, CallStatus.Failed);
        yield return Case("unknown", Stale, CallStatus.Unknown);
        yield return Case("manual completed", () => CallLog.LogManualCall(AgentId, Driver, new AgentReport(CallOutcome.Connected), Now), CallStatus.Completed);
        yield return Case("manual missed", () => CallLog.LogManualCall(AgentId, Driver, new AgentReport(CallOutcome.Busy), Now), CallStatus.Missed);
    }

    [TestCaseSource(nameof(CallsInEveryStatus))]
    public void RecordFeedback_NeverChangesTheStatus(Func<CallLog> arrange, CallStatus status)
    {
        var call = arrange();
        Assume.That(call.Status, Is.EqualTo(status));
        var missedBy = call.MissedBy;
        var outcome = status == CallStatus.Completed ? CallOutcome.NotReachable : CallOutcome.Connected;

        call.RecordFeedback(new AgentReport(outcome, "agent's view", DurationSeconds: 30), Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(status));
            Assert.That(call.MissedBy, Is.EqualTo(missedBy));
            Assert.That(call.Outcome, Is.EqualTo(outcome));
            Assert.That(call.Feedback, Is.EqualTo("agent's view"));
        });
    }

    [Test]
    public void RecordFeedback_ProviderTalkSecondsWinOverTheAgentsDuration()
    {
        var call = DispatchedCall();
        call.Apply(Cdr(CallLeg.Driver, "answered", 110, 98), Now);

        call.RecordFeedback(new AgentReport(CallOutcome.Connected, DurationSeconds: 300), Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(call.DurationSeconds, Is.EqualTo(98));
            Assert.That(call.TalkSeconds, Is.EqualTo(98));
            Assert.That(call.AgentDurationSeconds, Is.EqualTo(300));
        });
    }

    [Test]
    public void RecordFeedback_WithoutProviderTalkSeconds_UsesTheAgentsDuration()
    {
        var call = DispatchedCall();

        call.RecordFeedback(new AgentReport(CallOutcome.Connected, DurationSeconds: 300), Now);

        Assert.That(call.DurationSeconds, Is.EqualTo(300));
    }

    [Test]
    public void RecordFeedback_WithoutADuration_KeepsTheEarlierOne()
    {
        var call = DispatchedCall();
        call.RecordFeedback(new AgentReport(CallOutcome.Connected, DurationSeconds: 300), Now);

        call.RecordFeedback(new AgentReport(CallOutcome.Interested, "call back"), Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(call.AgentDurationSeconds, Is.EqualTo(300));
            Assert.That(call.Outcome, Is.EqualTo(CallOutcome.Interested));
        });
    }

    [Test]
    public void RecordFeedback_BumpsVersionAndUpdatedAt()
    {
        var call = DispatchedCall();
        var version = call.Version;

        call.RecordFeedback(new AgentReport(CallOutcome.Connected), Now.AddMinutes(3));

        Assert.Multiple(() =>
        {
            Assert.That(call.Version, Is.EqualTo(version + 1));
            Assert.That(call.UpdatedAt, Is.EqualTo(Now.AddMinutes(3)));
        });
    }

    private static IEnumerable<TestCaseData> InvalidReports()
    {
        yield return new TestCaseData(new AgentReport(CallOutcome.Connected, Feedback: new string('f', CallLog.MaxFeedbackLength + 1)))
            .SetArgDisplayNames("feedback longer than 200");
        yield return new TestCaseData(new AgentReport(CallOutcome.Connected, Remarks: new string('r', CallLog.MaxRemarksLength + 1)))
            .SetArgDisplayNames("remarks longer than 2000");
        yield return new TestCaseData(new AgentReport(CallOutcome.Connected, Notes: new string('n', CallLog.MaxRemarksLength + 1)))
            .SetArgDisplayNames("notes longer than 2000");
        yield return new TestCaseData(new AgentReport(CallOutcome.Connected, DurationSeconds: -1))
            .SetArgDisplayNames("negative duration");
        yield return new TestCaseData(new AgentReport(CallOutcome.Connected, DurationSeconds: CallLog.MaxDurationSeconds + 1))
            .SetArgDisplayNames("duration longer than a day");
        yield return new TestCaseData(new AgentReport(CallOutcome.Connected, FollowUpAt: Now))
            .SetArgDisplayNames("follow-up at this very moment");
        yield return new TestCaseData(new AgentReport(CallOutcome.Connected, FollowUpAt: Now.AddSeconds(-1)))
            .SetArgDisplayNames("follow-up in the past");
    }

    [TestCaseSource(nameof(InvalidReports))]
    public void RecordFeedback_BreakingARule_ThrowsAndKeepsTheEarlierFeedback(AgentReport report)
    {
        var call = DispatchedCall();
        call.RecordFeedback(new AgentReport(CallOutcome.Busy, "first", "r", "n", 10, Now.AddDays(1)), Now);
        var version = call.Version;

        Assert.Throws<DomainException>(() => call.RecordFeedback(report, Now));

        Assert.Multiple(() =>
        {
            Assert.That(call.Outcome, Is.EqualTo(CallOutcome.Busy));
            Assert.That(call.Feedback, Is.EqualTo("first"));
            Assert.That(call.AgentDurationSeconds, Is.EqualTo(10));
            Assert.That(call.FollowUpAt, Is.EqualTo(Now.AddDays(1)));
            Assert.That(call.Version, Is.EqualTo(version));
        });
    }

    [TestCaseSource(nameof(InvalidReports))]
    public void LogManualCall_BreakingARule_Throws(AgentReport report) =>
        Assert.Throws<DomainException>(() => CallLog.LogManualCall(AgentId, Driver, report, Now));

    [Test]
    public void RecordFeedback_AtTheLimits_IsAccepted()
    {
        var call = DispatchedCall();
        var report = new AgentReport(CallOutcome.CallBackLater, new string('f', CallLog.MaxFeedbackLength),
            new string('r', CallLog.MaxRemarksLength), new string('n', CallLog.MaxRemarksLength), CallLog.MaxDurationSeconds, Now.AddSeconds(1));

        call.RecordFeedback(report, Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Feedback, Has.Length.EqualTo(CallLog.MaxFeedbackLength));
            Assert.That(call.AgentDurationSeconds, Is.EqualTo(CallLog.MaxDurationSeconds));
            Assert.That(call.FollowUpAt, Is.EqualTo(Now.AddSeconds(1)));
        });
    }

    [Test]
    public void RecordFeedback_ZeroDuration_IsAccepted()
    {
        var call = DispatchedCall();

        call.RecordFeedback(new AgentReport(CallOutcome.NotReachable, DurationSeconds: 0), Now);

        Assert.That(call.AgentDurationSeconds, Is.EqualTo(0));
    }
}
