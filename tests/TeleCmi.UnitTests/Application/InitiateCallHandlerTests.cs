using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Calls.InitiateCall;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Webhooks.Common;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Webhooks;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Application;

public sealed class InitiateCallHandlerTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private const string DriverId = "DRV-1";
    private const string OtherDriverId = "DRV-2";

    private SqliteTestDatabase database = null!;
    private AppDbContext db = null!;
    private FakeTimeProvider clock = null!;
    private Mock<ITeleCmiGateway> gateway = null!;
    private Mock<ICurrentUser> user = null!;
    private RecordedMetrics metrics = null!;
    private readonly List<ClickToCallRequest> sent = [];
    private int callerId;

    [SetUp]
    public async Task SetUp()
    {
        database = new SqliteTestDatabase();
        clock = new FakeTimeProvider(Start);
        gateway = new Mock<ITeleCmiGateway>(MockBehavior.Strict);
        user = new Mock<ICurrentUser>();
        metrics = new RecordedMetrics();
        sent.Clear();
        await using (var seed = database.NewContext())
        {
            var now = Start.UtcDateTime;
            callerId = (await seed.AddAgentAsync("asha", AgentRole.Telecaller, now, TestData.TeleCmiUserId, callingAllowed: true)).Id;
            await seed.AddDriverAsync(DriverId, "9876543210", now);
            await seed.AddDriverAsync(OtherDriverId, "9123456780", now);
        }
        db = database.NewContext();
        SignedInAs(callerId);
    }

    [TearDown]
    public void TearDown()
    {
        db.Dispose();
        database.Dispose();
        metrics.Dispose();
    }

    [TestCase(null, false, TestName = "Handle_AgentWithoutTeleCmi_IsForbiddenAndTeleCmiIsNeverAsked")]
    [TestCase(TestData.TeleCmiUserId, false, TestName = "Handle_AgentWhoseTeleCmiCallingIsDisabled_IsForbiddenAndTeleCmiIsNeverAsked")]
    [TestCase(null, true, TestName = "Handle_AgentWithoutTeleCmiUserId_IsForbiddenAndTeleCmiIsNeverAsked")]
    public async Task Handle_AgentWhoMayNotCallViaTeleCmi_IsForbidden(string? teleCmiUserId, bool callingAllowed)
    {
        await using (var seed = database.NewContext())
            SignedInAs((await seed.AddAgentAsync("ravi", AgentRole.Telecaller, Start.UtcDateTime, teleCmiUserId, callingAllowed)).Id);

        Assert.ThrowsAsync<ForbiddenException>(async () => await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None));

        gateway.Verify(g => g.ClickToCallAsync(It.IsAny<ClickToCallRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(await CallCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Handle_AgentWhoNoLongerExists_IsUnauthorized()
    {
        SignedInAs(9999);

        Assert.ThrowsAsync<UnauthorizedException>(async () => await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None));

        Assert.That(await CallCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Handle_UnknownDriver_IsNotFoundAndTeleCmiIsNeverAsked()
    {
        var ex = Assert.ThrowsAsync<NotFoundException>(async () => await Handler().Handle(new InitiateCallCommand("NOPE", null), CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("NOPE"));
        gateway.Verify(g => g.ClickToCallAsync(It.IsAny<ClickToCallRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(await CallCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Handle_AcceptedByTeleCmi_StoresAnInitiatedCallWithTheRequestId()
    {
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-1"));

        var dto = await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);

        var stored = await StoredCallAsync();
        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(stored.Id));
            Assert.That(dto.Status, Is.EqualTo(CallStatus.Initiated));
            Assert.That(dto.TeleCmiRequestId, Is.EqualTo("req-1"));
            Assert.That(stored.Status, Is.EqualTo(CallStatus.Initiated));
            Assert.That(stored.Dispatch, Is.EqualTo(DispatchState.Accepted));
            Assert.That(stored.TeleCmiRequestId, Is.EqualTo("req-1"));
            Assert.That(stored.AgentId, Is.EqualTo(callerId));
            Assert.That(stored.DriverId, Is.EqualTo(DriverId));
            Assert.That(stored.DriverPhone, Is.EqualTo("+919876543210"));
            Assert.That(stored.Provider, Is.EqualTo(CallProvider.TeleCmi));
            Assert.That(stored.CreatedAt, Is.EqualTo(Start.UtcDateTime));
        });
    }

    [Test]
    public async Task Handle_AcceptedByTeleCmi_SendsTheAgentsUserIdTheDriversDigitsAndOurCallId()
    {
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-1"));

        await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);

        var stored = await StoredCallAsync();
        Assert.That(sent, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(sent[0].UserId, Is.EqualTo(TestData.TeleCmiUserId));
            Assert.That(sent[0].ToDigits, Is.EqualTo("919876543210"));
            Assert.That(sent[0].CallId, Is.EqualTo(stored.Id));
        });
    }

    [Test]
    public async Task Handle_WithAnotherNumber_DialsThatNumberInsteadOfTheOneOnRecord()
    {
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-1"));

        await Handler().Handle(new InitiateCallCommand(DriverId, "+91 91234-56780"), CancellationToken.None);

        var stored = await StoredCallAsync();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Single().ToDigits, Is.EqualTo("919123456780"));
            Assert.That(stored.DriverPhone, Is.EqualTo("+919123456780"));
        });
    }

    [Test]
    public async Task Handle_StoresTheCallBeforeAskingTeleCmi()
    {
        CallStatus? statusWhileTeleCmiWasAsked = null;
        gateway.Setup(g => g.ClickToCallAsync(It.IsAny<ClickToCallRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (ClickToCallRequest request, CancellationToken _) =>
            {
                await using var other = database.NewContext();
                statusWhileTeleCmiWasAsked = (await other.CallLogs.SingleOrDefaultAsync(c => c.Id == request.CallId))?.Status;
                return new ClickToCallResult.Accepted("req-1");
            });

        await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);

        Assert.That(statusWhileTeleCmiWasAsked, Is.EqualTo(CallStatus.Initiating));
    }

    [Test]
    public async Task Handle_AsksTeleCmiOnlyAfterTheDecisionCommitted_SoTheAgentsRowIsNotLockedOverTheHttpCall()
    {
        var transactionOpenWhileTeleCmiWasAsked = true;
        gateway.Setup(g => g.ClickToCallAsync(It.IsAny<ClickToCallRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                transactionOpenWhileTeleCmiWasAsked = db.Database.CurrentTransaction is not null;
                return new ClickToCallResult.Accepted("req-1");
            });

        await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);

        Assert.That(transactionOpenWhileTeleCmiWasAsked, Is.False);
    }

    [Test]
    public async Task Handle_PlacedCall_RecordsWhenTheAgentLastDialled()
    {
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-1"));

        await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);

        Assert.That((await AgentAsync()).LastDialAt, Is.EqualTo(Start.UtcDateTime));
    }

    [Test]
    public async Task Handle_RefusedTap_RollsBackAndLeavesTheAgentsRowAsItWas()
    {
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-1"));
        await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.ThrowsAsync<ConflictException>(async () => await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None));

        Assert.Multiple(async () =>
        {
            Assert.That((await AgentAsync()).LastDialAt, Is.EqualTo(Start.UtcDateTime));
            Assert.That(await CallCountAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Handle_WebhookThatBeatTeleCmisAnswer_IsAppliedOnceTheRequestIdIsKnown()
    {
        long deliveryId = 0;
        gateway.Setup(g => g.ClickToCallAsync(It.IsAny<ClickToCallRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (ClickToCallRequest _, CancellationToken _) =>
            {
                // The webhook carries only TeleCMI's request id, which we do not know yet: it stays unmatched.
                await using var other = database.NewContext();
                var delivery = new WebhookDelivery(
                    """{"type":"event","status":"started","leg":"a","cmiuuid":"a-leg-1","request_id":"req-1","time":1736935201000}""",
                    "hash", Start.UtcDateTime);
                delivery.Describe("event", "started", "a", null, "req-1", null, "a-leg-1", Start.UtcDateTime.AddSeconds(1));
                delivery.Processed(WebhookMatch.Unmatched, null, Start.UtcDateTime);
                other.WebhookDeliveries.Add(delivery);
                await other.SaveChangesAsync();
                deliveryId = delivery.Id;
                return new ClickToCallResult.Accepted("req-1");
            });

        var dto = await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);

        await using var check = database.NewContext();
        var delivery = await check.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId);
        Assert.Multiple(() =>
        {
            Assert.That(dto.Status, Is.EqualTo(CallStatus.Ringing));
            Assert.That(dto.AgentLegId, Is.EqualTo("a-leg-1"));
            Assert.That(delivery.Match, Is.EqualTo(WebhookMatch.Applied));
            Assert.That(delivery.CallId, Is.EqualTo(dto.Id));
        });
    }

    [Test]
    public async Task Handle_RefusedByTeleCmi_ThrowsProviderRefusedAndTheCallFailsWithTheProvidersMessage()
    {
        TeleCmiAnswers(new ClickToCallResult.Refused(404, "Invalid user id"));

        var ex = Assert.ThrowsAsync<ProviderRefusedException>(async () => await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None));

        var stored = await StoredCallAsync();
        Assert.Multiple(() =>
        {
            Assert.That(ex!.CallId, Is.EqualTo(stored.Id));
            Assert.That(ex.Message, Does.Contain("Invalid user id"));
            Assert.That(stored.Status, Is.EqualTo(CallStatus.Failed));
            Assert.That(stored.Dispatch, Is.EqualTo(DispatchState.Refused));
            Assert.That(stored.FailureReason, Does.Contain("Invalid user id").And.Contain("404"));
        });
    }

    [Test]
    public async Task Handle_TeleCmiUnreachable_ThrowsProviderUnavailableNotTimedOutAndTheAttemptIsNotPlaced()
    {
        TeleCmiAnswers(new ClickToCallResult.NotPlaced("could not connect to TeleCMI", TimeSpan.FromSeconds(45)));

        var ex = Assert.ThrowsAsync<ProviderUnavailableException>(async () => await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None));

        var stored = await StoredCallAsync();
        Assert.Multiple(() =>
        {
            Assert.That(ex!.TimedOut, Is.False);
            Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(45)));
            Assert.That(ex.CallId, Is.EqualTo(stored.Id));
            Assert.That(stored.Status, Is.EqualTo(CallStatus.NotPlaced), "no call existed: not the agent's failure");
            Assert.That(stored.Dispatch, Is.EqualTo(DispatchState.NotPlaced));
            Assert.That(stored.FailureReason, Does.Contain("could not connect to TeleCMI"));
        });
    }

    [Test]
    public async Task Handle_TeleCmiDidNotAnswerInTime_ThrowsTimedOutAndTheCallFailsAsMaybePlaced()
    {
        TeleCmiAnswers(new ClickToCallResult.Unconfirmed("timed out waiting for TeleCMI", TimeSpan.FromSeconds(30)));

        var ex = Assert.ThrowsAsync<ProviderUnavailableException>(async () => await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None));

        var stored = await StoredCallAsync();
        Assert.Multiple(() =>
        {
            Assert.That(ex!.TimedOut, Is.True);
            Assert.That(ex.CallId, Is.EqualTo(stored.Id));
            Assert.That(stored.Status, Is.EqualTo(CallStatus.Failed));
            Assert.That(stored.Dispatch, Is.EqualTo(DispatchState.Unconfirmed));
            Assert.That(stored.FailureReason, Does.Contain("may still have been placed"));
        });
    }

    [Test]
    public async Task Handle_SecondTapWithinTheWindow_IsAConflictNamingTheLiveCall()
    {
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-1"));
        var first = await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));

        var ex = Assert.ThrowsAsync<ConflictException>(async () => await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None));

        var calls = await CallCountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(ex!.ExistingId, Is.EqualTo(first.Id));
            Assert.That(ex.Message, Does.Contain(first.Id));
            Assert.That(sent, Has.Count.EqualTo(1));
            Assert.That(calls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Handle_SecondTapWhileTheFirstIsRinging_IsAConflict()
    {
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-1"));
        var first = await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);
        await using (var other = database.NewContext())
        {
            var call = await other.CallLogs.SingleAsync(c => c.Id == first.Id);
            call.Apply(new ProviderSignal(SignalKind.Event, CallLeg.Agent, "started", Start.UtcDateTime.AddSeconds(2)), Start.UtcDateTime.AddSeconds(2));
            await other.SaveChangesAsync();
        }
        clock.Advance(TimeSpan.FromSeconds(20));

        var ex = Assert.ThrowsAsync<ConflictException>(async () => await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None));

        Assert.That(ex!.ExistingId, Is.EqualTo(first.Id));
    }

    [Test]
    public async Task Handle_SecondTapAfterTheWindow_PlacesANewCall()
    {
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-1"));
        var first = await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(new CallPolicyOptions().DuplicateCallWindowSeconds + 1));

        var second = await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);

        var calls = await CallCountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(second.Id, Is.Not.EqualTo(first.Id));
            Assert.That(sent, Has.Count.EqualTo(2));
            Assert.That(calls, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Handle_SecondTapAfterTheFirstWasRefused_PlacesANewCall()
    {
        TeleCmiAnswers(new ClickToCallResult.Refused(404, "Invalid number"));
        Assert.ThrowsAsync<ProviderRefusedException>(async () => await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None));
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-2"));
        clock.Advance(TimeSpan.FromSeconds(1));

        var second = await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second.Status, Is.EqualTo(CallStatus.Initiated));
            Assert.That(sent, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Handle_CallingAnotherDriverWithinTheWindow_IsNotADoubleTap()
    {
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-1"));
        await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(5));

        var second = await Handler().Handle(new InitiateCallCommand(OtherDriverId, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second.DriverId, Is.EqualTo(OtherDriverId));
            Assert.That(sent.Select(r => r.ToDigits), Is.EqualTo(new[] { "919876543210", "919123456780" }));
        });
    }

    private static IEnumerable<TestCaseData> ProviderAnswers()
    {
        yield return new TestCaseData(new ClickToCallResult.Accepted("req-1"), "accepted").SetArgDisplayNames("accepted");
        yield return new TestCaseData(new ClickToCallResult.Refused(404, "Invalid number"), "refused").SetArgDisplayNames("refused");
        yield return new TestCaseData(new ClickToCallResult.NotPlaced("down", TimeSpan.FromSeconds(5)), "not_placed").SetArgDisplayNames("not_placed");
        yield return new TestCaseData(new ClickToCallResult.Unconfirmed("timeout", TimeSpan.FromSeconds(5)), "unconfirmed").SetArgDisplayNames("unconfirmed");
    }

    [TestCaseSource(nameof(ProviderAnswers))]
    public async Task Handle_CountsTheCallOnce_TaggedWithTeleCmisAnswer(ClickToCallResult answer, string expectedResult)
    {
        TeleCmiAnswers(answer);

        try { await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None); }
        catch (Exception ex) when (ex is ProviderRefusedException or ProviderUnavailableException) { /* only the metric is under test */ }

        var counted = metrics.Of("telecmi.calls.initiated");
        Assert.That(counted, Has.Count.EqualTo(1));
        Assert.That(counted[0].Tags, Is.EquivalentTo(new Dictionary<string, string?> { ["provider"] = "telecmi", ["result"] = expectedResult }));
    }

    [Test]
    public async Task Handle_SecondTap_IsCountedAsDuplicate_WithoutAskingTeleCmi()
    {
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-1"));
        await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);

        Assert.ThrowsAsync<ConflictException>(async () => await Handler().Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None));

        Assert.That(metrics.Of("telecmi.calls.initiated", ("result", "duplicate")), Has.Count.EqualTo(1));
        Assert.That(metrics.Of("telecmi.calls.initiated", ("result", "accepted")), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Handle_SecondTapAfterTheFirstWasNotPlaced_PlacesANewCall_AndTheOutageDoesNotSpendTheDailyCap()
    {
        TeleCmiAnswers(new ClickToCallResult.NotPlaced("TeleCMI answered HTTP 503", TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 3; i++)
        {
            Assert.ThrowsAsync<ProviderUnavailableException>(async () => await Handler(dailyCap: 1).Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None));
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        TeleCmiAnswers(new ClickToCallResult.Accepted("req-after-outage"));

        var placed = await Handler(dailyCap: 1).Handle(new InitiateCallCommand(DriverId, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(placed.Status, Is.EqualTo(CallStatus.Initiated), "not live, and not one of today's calls");
            Assert.That(sent, Has.Count.EqualTo(4));
        });
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.ThrowsAsync<TooManyRequestsException>(async () => await Handler(dailyCap: 1).Handle(new InitiateCallCommand(OtherDriverId, null), CancellationToken.None),
            "the one placed call uses up a cap of 1");
    }

    private InitiateCallHandler Handler(int dailyCap = 300) => new(
        db, user.Object, gateway.Object, new WebhookApplier(db, clock, metrics.Metrics, NullLogger<WebhookApplier>.Instance), clock,
        new BusinessCalendar(Options.Create(new BusinessTimeOptions()), clock), Options.Create(new CallPolicyOptions { DailyTeleCmiCallCap = dailyCap }),
        DestinationPolicy.Default, OpenCallingHours.Guard(clock), metrics.Metrics, NullLogger<InitiateCallHandler>.Instance);

    private void SignedInAs(int agentId)
    {
        user.SetupGet(u => u.AgentId).Returns(agentId);
        user.SetupGet(u => u.Role).Returns(AgentRole.Telecaller);
    }

    private void TeleCmiAnswers(ClickToCallResult result) =>
        gateway.Setup(g => g.ClickToCallAsync(It.IsAny<ClickToCallRequest>(), It.IsAny<CancellationToken>()))
            .Callback((ClickToCallRequest request, CancellationToken _) => sent.Add(request))
            .ReturnsAsync(result);

    private async Task<CallLog> StoredCallAsync()
    {
        await using var check = database.NewContext();
        return await check.CallLogs.SingleAsync();
    }

    private async Task<Agent> AgentAsync()
    {
        await using var check = database.NewContext();
        return await check.Agents.SingleAsync(a => a.Id == callerId);
    }

    private async Task<int> CallCountAsync()
    {
        await using var check = database.NewContext();
        return await check.CallLogs.CountAsync();
    }
}
