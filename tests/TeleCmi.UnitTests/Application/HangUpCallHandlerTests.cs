using Microsoft.EntityFrameworkCore;
using Moq;
using TeleCmi.Application.Calls.HangUpCall;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Application;

public sealed class HangUpCallHandlerTests
{
    private const string LegA = "ccd826f9-67a4-4467-acfb-a53093ff5c9d";
    private static readonly DateTime Now = new(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc);

    private SqliteTestDatabase database = null!;
    private Mock<ICurrentUser> user = null!;
    private Mock<ITeleCmiGateway> gateway = null!;
    private Mock<ITeleCmiPasswordProtector> passwords = null!;
    private Mock<ITeleCmiUserTokens> tokens = null!;
    private int ownerId, otherId, supervisorId;

    [SetUp]
    public async Task SetUp()
    {
        database = new SqliteTestDatabase();
        user = new Mock<ICurrentUser>();
        gateway = new Mock<ITeleCmiGateway>(MockBehavior.Strict);
        passwords = new Mock<ITeleCmiPasswordProtector>();
        passwords.Setup(p => p.Unprotect("cipher")).Returns("plain-password");
        tokens = new Mock<ITeleCmiUserTokens>();
        await using var seed = database.NewContext();
        var owner = await seed.AddAgentAsync("asha", AgentRole.Telecaller, Now, TestData.TeleCmiUserId, true);
        owner.SetTeleCmiPassword("cipher", Now);
        await seed.SaveChangesAsync();
        ownerId = owner.Id;
        otherId = (await seed.AddAgentAsync("ravi", AgentRole.Telecaller, Now, "5009_1111112", true)).Id;
        supervisorId = (await seed.AddAgentAsync("sunita", AgentRole.Supervisor, Now)).Id;
        await seed.AddDriverAsync("DRV-1", "9876543210", Now);
    }

    [TearDown]
    public void TearDown() => database.Dispose();

    [Test]
    public async Task HangUp_OwnLiveCall_AsksTeleCmiWithTheAgentLeg_AndLeavesTheStatusToTheWebhooks()
    {
        var callId = await AddCallAsync(ownerId, answered: true);
        SignedInAs(ownerId, AgentRole.Telecaller);
        gateway.Setup(g => g.UserLoginAsync(TestData.TeleCmiUserId, "plain-password", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserLoginResult.LoggedIn("token-1"));
        gateway.Setup(g => g.HangUpAsync("token-1", LegA, It.IsAny<CancellationToken>())).ReturnsAsync(new HangUpResult.Accepted());

        var dto = await HandleAsync(callId);

        Assert.That(dto.Status, Is.EqualTo(CallStatus.Answered));
        await using var check = database.NewContext();
        Assert.That((await check.CallLogs.SingleAsync(c => c.Id == callId)).Status, Is.EqualTo(CallStatus.Answered));
        tokens.Verify(t => t.Remember(TestData.TeleCmiUserId, "token-1"));
    }

    [Test]
    public async Task HangUp_AnotherTelecallersCall_IsNotFound_AndTeleCmiIsNotAsked()
    {
        var callId = await AddCallAsync(ownerId, answered: true);
        SignedInAs(otherId, AgentRole.Telecaller);

        Assert.ThrowsAsync<NotFoundException>(async () => await HandleAsync(callId));
        gateway.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HangUp_BySupervisor_LogsInAsTheCallsAgent()
    {
        var callId = await AddCallAsync(ownerId, answered: true);
        SignedInAs(supervisorId, AgentRole.Supervisor);
        tokens.Setup(t => t.Find(TestData.TeleCmiUserId)).Returns("kept");
        gateway.Setup(g => g.HangUpAsync("kept", LegA, It.IsAny<CancellationToken>())).ReturnsAsync(new HangUpResult.Accepted());

        await HandleAsync(callId);

        gateway.Verify(g => g.UserLoginAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HangUp_FinishedCall_IsConflict()
    {
        var callId = await AddCallAsync(ownerId, answered: true, ended: true);
        SignedInAs(ownerId, AgentRole.Telecaller);

        var ex = Assert.ThrowsAsync<ConflictException>(async () => await HandleAsync(callId));
        Assert.That(ex!.Message, Does.Contain("completed"));
        gateway.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HangUp_BeforeTeleCmiReportedTheAgentLeg_IsConflictWithRetryAfter()
    {
        var callId = await AddCallAsync(ownerId, answered: false);
        SignedInAs(ownerId, AgentRole.Telecaller);

        var ex = Assert.ThrowsAsync<ConflictException>(async () => await HandleAsync(callId));
        Assert.That(ex!.RetryAfter, Is.EqualTo(HangUpCallHandler.LegIdRetryAfter));
    }

    [Test]
    public async Task HangUp_WithoutATeleCmiPassword_IsUnprocessable_NamingTheSetting()
    {
        var callId = await AddCallAsync(otherId, answered: true);
        SignedInAs(otherId, AgentRole.Telecaller);

        var ex = Assert.ThrowsAsync<UnprocessableException>(async () => await HandleAsync(callId));
        Assert.That(ex!.Message, Does.Contain("teleCmiPassword"));
    }

    [Test]
    public async Task HangUp_WhenTheStoredPasswordCannotBeDecrypted_IsUnprocessable()
    {
        var callId = await AddCallAsync(ownerId, answered: true);
        SignedInAs(ownerId, AgentRole.Telecaller);
        passwords.Setup(p => p.Unprotect("cipher")).Returns((string?)null);

        var ex = Assert.ThrowsAsync<UnprocessableException>(async () => await HandleAsync(callId));
        Assert.That(ex!.Message, Does.Contain("can no longer be read"));
    }

    [Test]
    public async Task HangUp_WhenTheLoginIsRefused_IsProviderRefused()
    {
        var callId = await AddCallAsync(ownerId, answered: true);
        SignedInAs(ownerId, AgentRole.Telecaller);
        gateway.Setup(g => g.UserLoginAsync(TestData.TeleCmiUserId, "plain-password", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserLoginResult.Refused(404, "Invalid user id or password"));

        var ex = Assert.ThrowsAsync<ProviderRefusedException>(async () => await HandleAsync(callId));
        Assert.That(ex!.Message, Does.Contain("teleCmiPassword"));
        tokens.Verify(t => t.Remember(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
    }

    [Test]
    public async Task HangUp_WhenTeleCmiIsDown_IsUnavailable_AndTheCallGoesOn()
    {
        var callId = await AddCallAsync(ownerId, answered: true);
        SignedInAs(ownerId, AgentRole.Telecaller);
        gateway.Setup(g => g.UserLoginAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserLoginResult.Unavailable("TeleCMI answered HTTP 503", TimeSpan.FromSeconds(10)));

        var ex = Assert.ThrowsAsync<ProviderUnavailableException>(async () => await HandleAsync(callId));
        Assert.That(ex!.TimedOut, Is.False);
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task HangUp_RefusedWhileTheCallEndedMeanwhile_IsConflict()
    {
        var callId = await AddCallAsync(ownerId, answered: true);
        SignedInAs(ownerId, AgentRole.Telecaller);
        gateway.Setup(g => g.UserLoginAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserLoginResult.LoggedIn("token-1"));
        gateway.Setup(g => g.HangUpAsync("token-1", LegA, It.IsAny<CancellationToken>())).Returns(async () =>
        {
            await EndCallAsync(callId);
            return new HangUpResult.Refused(404, "cmiuuid not found");
        });

        var ex = Assert.ThrowsAsync<ConflictException>(async () => await HandleAsync(callId));
        Assert.That(ex!.Message, Does.Contain("ended before"));
    }

    private void SignedInAs(int agentId, AgentRole role)
    {
        user.SetupGet(u => u.AgentId).Returns(agentId);
        user.SetupGet(u => u.Role).Returns(role);
    }

    private async Task<TeleCmi.Application.Calls.Common.CallLogDto> HandleAsync(string callId)
    {
        await using var db = database.NewContext();
        var handler = new HangUpCallHandler(db, user.Object, passwords.Object, new TeleCmiUserSession(gateway.Object, tokens.Object));
        return await handler.Handle(new HangUpCallCommand(callId), CancellationToken.None);
    }

    private async Task<string> AddCallAsync(int agentId, bool answered, bool ended = false)
    {
        await using var db = database.NewContext();
        var call = CallLog.StartTeleCmiCall(agentId, new CallParty("DRV-1", "Ramesh", null, PhoneNumber.Parse("9876543210")), Now);
        call.MarkDispatched("req-" + Guid.NewGuid().ToString("N")[..8], Now);
        if (answered)
        {
            call.Apply(new ProviderSignal(SignalKind.Event, CallLeg.Agent, "answered", Now.AddSeconds(4), LegId: LegA), Now.AddSeconds(4));
            call.Apply(new ProviderSignal(SignalKind.Event, CallLeg.Driver, "answered", Now.AddSeconds(11), LegId: "leg-b"), Now.AddSeconds(11));
        }
        if (ended) call.Apply(new ProviderSignal(SignalKind.Cdr, CallLeg.Driver, "answered", Now.AddSeconds(60), 49, "recv_bye"), Now.AddSeconds(60));
        db.CallLogs.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }

    private async Task EndCallAsync(string callId)
    {
        await using var db = database.NewContext();
        var call = await db.CallLogs.SingleAsync(c => c.Id == callId);
        call.Apply(new ProviderSignal(SignalKind.Cdr, CallLeg.Driver, "answered", Now.AddSeconds(60), 49, "recv_bye"), Now.AddSeconds(60));
        await db.SaveChangesAsync();
    }
}
