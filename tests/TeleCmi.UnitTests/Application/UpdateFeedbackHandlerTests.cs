using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Moq;
using TeleCmi.Application.Calls.UpdateFeedback;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Application;

public sealed class UpdateFeedbackHandlerTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTime FollowUp = Start.UtcDateTime.AddDays(1);

    private SqliteTestDatabase database = null!;
    private FakeTimeProvider clock = null!;
    private Mock<ICurrentUser> user = null!;
    private int ownerId, otherTelecallerId, supervisorId, adminId;
    private string callId = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = new SqliteTestDatabase();
        clock = new FakeTimeProvider(Start.AddMinutes(5));
        user = new Mock<ICurrentUser>();
        var now = Start.UtcDateTime;
        await using var seed = database.NewContext();
        ownerId = (await seed.AddAgentAsync("asha", AgentRole.Telecaller, now, TestData.TeleCmiUserId, true)).Id;
        otherTelecallerId = (await seed.AddAgentAsync("ravi", AgentRole.Telecaller, now)).Id;
        supervisorId = (await seed.AddAgentAsync("sunita", AgentRole.Supervisor, now)).Id;
        adminId = (await seed.AddAgentAsync("admin", AgentRole.Admin, now)).Id;
        var driver = await seed.AddDriverAsync("DRV-1", "9876543210", now);

        var call = CallLog.StartTeleCmiCall(ownerId, new CallParty(driver.Id, driver.Name, driver.TmId, PhoneNumber.FromStored(driver.Phone)), now);
        call.MarkDispatched("req-1", now.AddSeconds(1));
        call.Apply(new ProviderSignal(SignalKind.Cdr, CallLeg.Driver, "answered", now.AddSeconds(110), 98, "recv_bye"), now.AddSeconds(111));
        seed.CallLogs.Add(call);
        await seed.SaveChangesAsync();
        callId = call.Id;
    }

    [TearDown]
    public void TearDown() => database.Dispose();

    [Test]
    public async Task UpdateFeedback_OwnCall_RecordsTheAgentsReport()
    {
        SignedInAs(ownerId, AgentRole.Telecaller);

        var dto = await HandleAsync(Command(CallOutcome.Interested, "wants a load to Pune"));

        var stored = await StoredCallAsync();
        Assert.Multiple(() =>
        {
            Assert.That(dto.Outcome, Is.EqualTo(CallOutcome.Interested));
            Assert.That(stored.Outcome, Is.EqualTo(CallOutcome.Interested));
            Assert.That(stored.Feedback, Is.EqualTo("wants a load to Pune"));
            Assert.That(stored.Remarks, Is.EqualTo("remarks"));
            Assert.That(stored.Notes, Is.EqualTo("notes"));
            Assert.That(stored.FollowUpAt, Is.EqualTo(FollowUp));
            Assert.That(stored.AgentDurationSeconds, Is.EqualTo(120));
            Assert.That(stored.UpdatedAt, Is.EqualTo(clock.GetUtcNow().UtcDateTime));
        });
    }

    [Test]
    public async Task UpdateFeedback_OutcomeThatContradictsTheProvider_LeavesTheStatusUnchanged()
    {
        SignedInAs(ownerId, AgentRole.Telecaller);

        var dto = await HandleAsync(Command(CallOutcome.NotReachable, "did not pick up"));

        var stored = await StoredCallAsync();
        Assert.Multiple(() =>
        {
            Assert.That(dto.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(stored.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(stored.MissedBy, Is.Null);
            Assert.That(dto.DurationSeconds, Is.EqualTo(98), "TeleCMI's talk time wins over the agent's duration");
        });
    }

    [Test]
    public async Task UpdateFeedback_WhenCallBelongsToAnotherAgent_IsRejected()
    {
        SignedInAs(otherTelecallerId, AgentRole.Telecaller);

        var ex = Assert.ThrowsAsync<NotFoundException>(async () => await HandleAsync(Command(CallOutcome.Busy, "not mine")));

        var stored = await StoredCallAsync();
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain(callId));
            Assert.That(stored.Outcome, Is.Null);
            Assert.That(stored.Feedback, Is.Null);
        });
    }

    [Test]
    public void UpdateFeedback_UnknownCall_IsNotFound()
    {
        SignedInAs(supervisorId, AgentRole.Supervisor);

        Assert.ThrowsAsync<NotFoundException>(async () => await HandleAsync(Command(CallOutcome.Busy, "x") with { CallId = "call_missing" }));
    }

    [TestCase(AgentRole.Supervisor)]
    [TestCase(AgentRole.Admin)]
    public async Task UpdateFeedback_BySupervisorOrAdmin_MayUpdateAnyAgentsCall(AgentRole role)
    {
        SignedInAs(role == AgentRole.Admin ? adminId : supervisorId, role);

        var dto = await HandleAsync(Command(CallOutcome.CallBackLater, "reviewed"));

        var stored = await StoredCallAsync();
        Assert.Multiple(() =>
        {
            Assert.That(dto.AgentId, Is.EqualTo(ownerId));
            Assert.That(stored.AgentId, Is.EqualTo(ownerId));
            Assert.That(stored.Outcome, Is.EqualTo(CallOutcome.CallBackLater));
            Assert.That(stored.Feedback, Is.EqualTo("reviewed"));
            Assert.That(stored.Status, Is.EqualTo(CallStatus.Completed));
        });
    }

    [Test]
    public void UpdateFeedback_FollowUpInThePast_IsRefusedByTheDomain()
    {
        SignedInAs(ownerId, AgentRole.Telecaller);

        Assert.ThrowsAsync<DomainException>(async () =>
            await HandleAsync(Command(CallOutcome.CallBackLater, "x") with { FollowUpAt = clock.GetUtcNow().UtcDateTime.AddMinutes(-1) }));
    }

    [Test]
    public async Task UpdateFeedback_WhenAWebhookChangesTheCallAtTheSameMoment_KeepsBothChanges()
    {
        SignedInAs(ownerId, AgentRole.Telecaller);
        // Just before the feedback is saved, a webhook (another context) stores the recording from the b-leg CDR.
        var webhook = new BeforeFirstSave(async () =>
        {
            await using var other = database.NewContext();
            var call = await other.CallLogs.SingleAsync(c => c.Id == callId);
            call.Apply(new ProviderSignal(SignalKind.Cdr, CallLeg.Driver, "answered", Start.UtcDateTime.AddSeconds(110), 98, "recv_bye",
                "1736935200_5003.mp3"), Start.UtcDateTime.AddMinutes(5));
            await other.SaveChangesAsync();
        });

        var dto = await HandleAsync(Command(CallOutcome.Interested, "wants a load"), webhook);

        var stored = await StoredCallAsync();
        Assert.Multiple(() =>
        {
            Assert.That(webhook.Ran, Is.True);
            Assert.That(stored.RecordingFileName, Is.EqualTo("1736935200_5003.mp3"));
            Assert.That(stored.Feedback, Is.EqualTo("wants a load"));
            Assert.That(dto.RecordingFileName, Is.EqualTo("1736935200_5003.mp3"));
            Assert.That(dto.Feedback, Is.EqualTo("wants a load"));
        });
    }

    [Test]
    public async Task UpdateFeedback_RetriedAfterAConcurrencyConflict_AppendsExactlyOneHistoryEntry()
    {
        SignedInAs(ownerId, AgentRole.Telecaller);
        var webhook = new BeforeFirstSave(async () =>
        {
            await using var other = database.NewContext();
            var call = await other.CallLogs.SingleAsync(c => c.Id == callId);
            call.Apply(new ProviderSignal(SignalKind.Cdr, CallLeg.Driver, "answered", Start.UtcDateTime.AddSeconds(110), 98, "recv_bye",
                "1736935200_5003.mp3"), Start.UtcDateTime.AddMinutes(5));
            await other.SaveChangesAsync();
        });

        await HandleAsync(Command(CallOutcome.Interested, "wants a load"), webhook);

        await using var check = database.NewContext();
        var entries = await check.AuditEntries.Where(e => e.EntityId == callId).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(webhook.Ran, Is.True);
            Assert.That(entries, Has.Count.EqualTo(1));
            Assert.That(entries[0].Action, Is.EqualTo("feedback"));
            Assert.That(entries[0].ActorAgentId, Is.EqualTo(ownerId));
            Assert.That(entries[0].Changes, Does.Contain("\"feedback\":{\"before\":null,\"after\":\"wants a load\"}"));
        });
    }

    private async Task<TeleCmi.Application.Calls.Common.CallLogDto> HandleAsync(UpdateFeedbackCommand command, params IInterceptor[] interceptors)
    {
        await using var db = database.NewContext(interceptors);
        return await new UpdateFeedbackHandler(db, user.Object, clock, new TeleCmi.Infrastructure.Audit.DatabaseAuditTrail(db, user.Object, clock), OpenCallingHours.Guard(clock),
            new TeleCmi.Application.Calls.Common.DoNotCallOutcome(db, user.Object, new TeleCmi.Application.Drivers.Common.DoNotCallMarker(db, clock, new TeleCmi.Infrastructure.Audit.DatabaseAuditTrail(db, user.Object, clock)))).Handle(command, CancellationToken.None);
    }

    private UpdateFeedbackCommand Command(CallOutcome outcome, string feedback) =>
        new(callId, outcome, feedback, "remarks", "notes", 120, FollowUp, []);

    private void SignedInAs(int agentId, AgentRole role)
    {
        user.SetupGet(u => u.AgentId).Returns(agentId);
        user.SetupGet(u => u.Role).Returns(role);
    }

    private async Task<CallLog> StoredCallAsync()
    {
        await using var check = database.NewContext();
        return await check.CallLogs.SingleAsync(c => c.Id == callId);
    }

    /// <summary>Runs an action once, just before the first SaveChanges of the context it is attached to.</summary>
    private sealed class BeforeFirstSave(Func<Task> action) : SaveChangesInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (!Ran)
            {
                Ran = true;
                await action();
            }
            return result;
        }
    }
}
