using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using TeleCmi.Application.Calls.ReconcileCalls;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Application;

/// <summary>
/// Reconciliation's rules with TeleCMI's call-record API mocked: which record is a call's (agent, dialled number, time
/// window, or a leg id seen before), what a failed fetch changes (nothing), and when a call with no record is given up.
/// </summary>
public sealed class ReconcileCallsHandlerTests
{
    private static readonly DateTime Start = new(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);

    private SqliteTestDatabase database = null!;
    private Mock<ITeleCmiCallRecords> records = null!;
    private FakeTimeProvider clock = null!;
    private RecordedMetrics metrics = null!;
    private int agentId, otherAgentId;
    private readonly ReconciliationOptions options = new() { AfterMinutes = 5, GiveUpAfterMinutes = 60, RequestSpacingMs = 0, MatchWindowSeconds = 120 };

    [SetUp]
    public async Task SetUp()
    {
        database = new SqliteTestDatabase();
        records = new Mock<ITeleCmiCallRecords>(MockBehavior.Strict);
        clock = new FakeTimeProvider(new DateTimeOffset(Start));
        metrics = new RecordedMetrics();
        await using var seed = database.NewContext();
        agentId = (await seed.AddAgentAsync("asha", AgentRole.Telecaller, Start, TestData.TeleCmiUserId, true)).Id;
        otherAgentId = (await seed.AddAgentAsync("ravi", AgentRole.Telecaller, Start, "5009_1111112", true)).Id;
        await seed.AddDriverAsync("DRV-1", "9876543210", Start);
    }

    [TearDown]
    public void TearDown()
    {
        metrics.Dispose();
        database.Dispose();
    }

    [Test]
    public async Task AnAnsweredRecord_OfTheSameAgentAndNumber_InTheWindow_EndsTheCall_FinalWithTalkTimeAndRecording()
    {
        var callId = await AddCallAsync(agentId, "9876543210");
        Records(Answered("5003_1111112", "919876543210", Start.AddSeconds(3), duration: 71, billed: 60, file: "1_x.wav"));
        clock.Advance(TimeSpan.FromMinutes(6));

        var run = await HandleAsync();

        var call = await LoadAsync(callId);
        Assert.Multiple(() =>
        {
            Assert.That((run.Looked, run.Applied), Is.EqualTo((1, 1)));
            Assert.That((call.Status, call.IsFinal, call.TalkSeconds, call.RecordingFileName), Is.EqualTo((CallStatus.Completed, true, 60, "1_x.wav")));
            Assert.That(call.AnsweredAt, Is.EqualTo(Start.AddSeconds(14)), "start + duration - billed");
            Assert.That(call.EndedAt, Is.EqualTo(Start.AddSeconds(74)));
            Assert.That(metrics.Of("telecmi.reconciliation.calls", ("result", "applied")), Has.Count.EqualTo(1));
        });
    }

    [TestCase("5009_1111112", "919876543210", 3, TestName = "Reconcile_ARecordOfAnotherAgent_IsNotTheCalls")]
    [TestCase("5003_1111112", "919876543219", 3, TestName = "Reconcile_ARecordToAnotherNumber_IsNotTheCalls")]
    [TestCase("5003_1111112", "919876543210", 121, TestName = "Reconcile_ARecordOutsideTheWindow_IsNotTheCalls")]
    public async Task ARecordThatDiffersInAgentNumberOrTime_LeavesTheCallAsItIs(string agent, string to, int secondsAfter)
    {
        var callId = await AddCallAsync(agentId, "9876543210");
        Records(Answered(agent, to, Start.AddSeconds(secondsAfter), duration: 30, billed: 20, file: null));
        clock.Advance(TimeSpan.FromMinutes(6));

        var run = await HandleAsync();

        var call = await LoadAsync(callId);
        Assert.That((run.Applied, call.Status, call.IsFinal), Is.EqualTo((0, CallStatus.Initiated, false)));
        Assert.That(metrics.Of("telecmi.reconciliation.calls", ("result", "not_found")), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ARecordWhoseCmiuidIsALegIdSeenBefore_MatchesWhateverItsNumberAndTime()
    {
        var callId = await AddCallAsync(agentId, "9876543210", agentLegId: "leg-a-1");
        Records(Answered(null, "10000", Start.AddMinutes(30), duration: 30, billed: 20, file: null) with { RecordId = "leg-a-1" });
        clock.Advance(TimeSpan.FromMinutes(6));

        await HandleAsync();

        Assert.That((await LoadAsync(callId)).Status, Is.EqualTo(CallStatus.Completed));
    }

    [Test]
    public async Task AMissedRecord_EndsTheCallMissedByTheDriver_AndFinal()
    {
        var callId = await AddCallAsync(agentId, "9876543210");
        Records(new CallRecord(CallRecordKind.Missed, "r-m", "5003_1111112", "919876543210", Start.AddSeconds(2), 40, 0, null));
        clock.Advance(TimeSpan.FromMinutes(6));

        await HandleAsync();

        var call = await LoadAsync(callId);
        Assert.That((call.Status, call.MissedBy, call.IsFinal), Is.EqualTo((CallStatus.Missed, (MissedParty?)MissedParty.Driver, true)));
    }

    [Test]
    public async Task TwoCallsToTheSameNumber_EachTakesItsOwnRecord_TheNearestInTime()
    {
        var first = await AddCallAsync(agentId, "9876543210");
        clock.Advance(TimeSpan.FromSeconds(50));
        var second = await AddCallAsync(agentId, "9876543210");
        Records(Answered("5003_1111112", "919876543210", Start.AddSeconds(52), duration: 30, billed: 11, file: null) with { RecordId = "r-2" },
            Answered("5003_1111112", "919876543210", Start.AddSeconds(1), duration: 30, billed: 22, file: null) with { RecordId = "r-1" });
        clock.Advance(TimeSpan.FromMinutes(6));

        await HandleAsync();

        Assert.That(((await LoadAsync(first)).TalkSeconds, (await LoadAsync(second)).TalkSeconds), Is.EqualTo(((int?)22, (int?)11)));
    }

    [Test]
    public async Task AFailedFetch_ChangesNothing_AndTheNextRunTriesAgain()
    {
        var callId = await AddCallAsync(agentId, "9876543210");
        records.Setup(r => r.ListAsync(It.IsAny<CallRecordKind>(), It.IsAny<DateTime>(), It.IsAny<DateTime>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CallRecordsPage.Failed("TeleCMI answered HTTP 429", TimeSpan.FromSeconds(10), RateLimited: true));
        clock.Advance(TimeSpan.FromMinutes(61)); // past the give-up time: a failure must still not count as "no record"

        var failed = await HandleAsync();

        var call = await LoadAsync(callId);
        Assert.Multiple(() =>
        {
            Assert.That((failed.Requests, failed.FailedRequests, failed.NotPlaced), Is.EqualTo((1, 1, 0)), "stops at the first failure");
            Assert.That((call.Status, call.Dispatch, call.IsFinal), Is.EqualTo((CallStatus.Initiated, DispatchState.Accepted, false)));
            Assert.That(metrics.Of("telecmi.reconciliation.requests", ("outcome", "rate_limited")), Has.Count.EqualTo(1));
        });

        Records(Answered("5003_1111112", "919876543210", Start.AddSeconds(3), duration: 30, billed: 20, file: null));
        await HandleAsync();

        Assert.That((await LoadAsync(callId)).Status, Is.EqualTo(CallStatus.Completed));
    }

    [Test]
    public async Task NoRecordAfterTheLongerWait_AndNoWebhookEver_MakesTheCallNotPlaced_Final()
    {
        var silent = await AddCallAsync(agentId, "9876543210");
        var ringing = await AddCallAsync(otherAgentId, "9876543211", agentLegId: "leg-a-2");
        Records();
        clock.Advance(TimeSpan.FromMinutes(30));
        await HandleAsync();
        Assert.That((await LoadAsync(silent)).Status, Is.EqualTo(CallStatus.Initiated), "before the longer wait: not yet");

        clock.Advance(TimeSpan.FromMinutes(31));
        var run = await HandleAsync();

        var call = await LoadAsync(silent);
        var seen = await LoadAsync(ringing);
        Assert.Multiple(() =>
        {
            Assert.That(run.NotPlaced, Is.EqualTo(1));
            Assert.That((call.Status, call.IsFinal), Is.EqualTo((CallStatus.NotPlaced, true)));
            Assert.That((seen.Status, seen.IsFinal), Is.EqualTo((CallStatus.Ringing, false)), "a leg was seen: a call happened, it is not 'not placed'");
        });
    }

    [Test]
    public async Task FinalCalls_AndCallsYoungerThanAfterMinutes_AreNotLookedUp()
    {
        await AddCallAsync(agentId, "9876543210", final: true);
        clock.Advance(TimeSpan.FromMinutes(6));
        await AddCallAsync(agentId, "9876543211");

        var run = await HandleAsync();

        Assert.That(run.Looked, Is.Zero);
        records.VerifyNoOtherCalls();
    }

    [Test]
    public async Task ManyPages_AreAllRead_WithinThePerRunBudget()
    {
        var callId = await AddCallAsync(agentId, "9876543210");
        var mine = Answered("5003_1111112", "919876543210", Start.AddSeconds(3), duration: 30, billed: 20, file: null);
        var noise = Enumerable.Range(0, 20).Select(i => Answered("5009_1111112", "919800000000", Start, 10, 5, null) with { RecordId = $"n{i}" }).ToList();
        records.Setup(r => r.ListAsync(CallRecordKind.Answered, It.IsAny<DateTime>(), It.IsAny<DateTime>(), 1, 20, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CallRecordsPage.Found(21, noise));
        records.Setup(r => r.ListAsync(CallRecordKind.Answered, It.IsAny<DateTime>(), It.IsAny<DateTime>(), 2, 20, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CallRecordsPage.Found(21, [mine]));
        records.Setup(r => r.ListAsync(CallRecordKind.Missed, It.IsAny<DateTime>(), It.IsAny<DateTime>(), 1, 20, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CallRecordsPage.Found(0, []));
        clock.Advance(TimeSpan.FromMinutes(6));

        var run = await HandleAsync();

        Assert.That((run.Requests, (await LoadAsync(callId)).Status), Is.EqualTo((3, CallStatus.Completed)));
    }

    [Test]
    public void WhicheverComesFirst_TheRecordOrTheWebhooks_TheCallEndsTheSame_AndTheSecondChangesNothing()
    {
        var record = Answered("5003_1111112", "919876543210", Start, duration: 71, billed: 60, file: "1_x.wav");
        ProviderSignal[] hooks =
        [
            new(SignalKind.Event, CallLeg.Agent, "answered", Start.AddSeconds(4), LegId: "a"),
            new(SignalKind.Event, CallLeg.Driver, "answered", Start.AddSeconds(11), LegId: "b"),
            new(SignalKind.Cdr, CallLeg.Agent, "answered", Start.AddSeconds(71), HangupReason: "sent_bye", LegId: "a"),
            new(SignalKind.Cdr, CallLeg.Driver, "answered", Start.AddSeconds(71), 60, "recv_bye", "1_x.wav", "b"),
        ];
        var recordFirst = NewCall();
        var hooksFirst = NewCall();

        foreach (var s in CallRecordFacts.For(record)) recordFirst.Apply(s, Start);
        foreach (var s in hooks) hooksFirst.Apply(s, Start);
        var lateHooksChanged = hooks.Select(s => recordFirst.Apply(s, Start)).ToList();
        var lateRecordChanged = CallRecordFacts.For(record).Select(s => hooksFirst.Apply(s, Start)).ToList();

        static object Outcome(CallLog c) => (c.Status, c.IsFinal, c.TalkSeconds, c.RecordingFileName, c.AnsweredAt, c.EndedAt, c.MissedBy);
        Assert.Multiple(() =>
        {
            Assert.That(Outcome(recordFirst), Is.EqualTo(Outcome(hooksFirst)));
            Assert.That(lateRecordChanged, Has.All.False, "the record after the webhooks teaches nothing");
            Assert.That(Outcome(recordFirst), Is.EqualTo(Outcome(hooksFirst)), "late webhooks leave the outcome as the record made it");
        });
    }

    [TestCase("919876543210", true)]
    [TestCase("+919876543210", true)]
    [TestCase(" 919876543210 ", true)]
    [TestCase("9876543210", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void SameNumber_ReadsTeleCmisDigitsAsE164(string? dialled, bool same) =>
        Assert.That(CallRecordMatcher.SameNumber(dialled, "+919876543210"), Is.EqualTo(same));

    private static CallRecord Answered(string? agent, string to, DateTime at, int duration, int billed, string? file) =>
        new(CallRecordKind.Answered, "r-" + Guid.NewGuid().ToString("N")[..6], agent, to, at, duration, billed, file);

    private void Records(params CallRecord[] found)
    {
        records.Setup(r => r.ListAsync(CallRecordKind.Answered, It.IsAny<DateTime>(), It.IsAny<DateTime>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CallRecordsPage.Found(found.Count(r => r.Kind == CallRecordKind.Answered), found.Where(r => r.Kind == CallRecordKind.Answered).ToList()));
        records.Setup(r => r.ListAsync(CallRecordKind.Missed, It.IsAny<DateTime>(), It.IsAny<DateTime>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CallRecordsPage.Found(found.Count(r => r.Kind == CallRecordKind.Missed), found.Where(r => r.Kind == CallRecordKind.Missed).ToList()));
    }

    private static CallLog NewCall()
    {
        var call = CallLog.StartTeleCmiCall(1, new CallParty("DRV-1", "Ramesh", null, PhoneNumber.Parse("9876543210")), Start);
        call.MarkDispatched("req-1", Start);
        return call;
    }

    private async Task<string> AddCallAsync(int agent, string phone, string? agentLegId = null, bool final = false)
    {
        await using var db = database.NewContext();
        var now = clock.GetUtcNow().UtcDateTime;
        var call = CallLog.StartTeleCmiCall(agent, new CallParty("DRV-1", "Ramesh", null, PhoneNumber.Parse(phone)), now);
        call.MarkDispatched("req-" + Guid.NewGuid().ToString("N")[..8], now);
        if (agentLegId is not null) call.Apply(new ProviderSignal(SignalKind.Event, CallLeg.Agent, "started", now.AddSeconds(1), LegId: agentLegId), now);
        if (final) call.Apply(new ProviderSignal(SignalKind.Cdr, CallLeg.Agent, "missed", now.AddSeconds(30), LegId: "x"), now);
        db.CallLogs.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }

    private async Task<CallLog> LoadAsync(string id)
    {
        await using var db = database.NewContext();
        return await db.CallLogs.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<ReconciliationRun> HandleAsync()
    {
        await using var db = database.NewContext();
        var handler = new ReconcileCallsHandler(db, records.Object, clock, Options.Create(options), metrics.Metrics, NullLogger<ReconcileCallsHandler>.Instance);
        return await handler.Handle(new ReconcileCallsCommand(), CancellationToken.None);
    }
}
