using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Common;

namespace TeleCmi.UnitTests.Domain;

/// <summary>
/// The security stamp moves exactly when what the agent may do changes, so every path that changes a right (the admin
/// API, a seeder, a future self-service endpoint) ends the agent's tokens without having to remember to.
/// </summary>
public sealed class AgentSecurityStampTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

    private static Agent NewAgent(AgentRole role = AgentRole.Supervisor)
    {
        var agent = new Agent("Asha", "hash-1", "Asha K", PhoneNumber.Parse("+919100000001"), role, Now);
        agent.ConfigureTeleCmi("5003_1111112", callingAllowed: true, Now);
        return agent;
    }

    [Test]
    public void ANewAgent_HasA32HexDigitStamp()
    {
        Assert.That(NewAgent().SecurityStamp, Does.Match("^[0-9A-F]{32}$"));
    }

    [Test]
    public void TwoNewAgents_HaveDifferentStamps()
    {
        Assert.That(NewAgent().SecurityStamp, Is.Not.EqualTo(NewAgent().SecurityStamp));
    }

    [TestCase(AgentRole.Supervisor, AgentRole.Telecaller)]
    [TestCase(AgentRole.Telecaller, AgentRole.Supervisor)]
    [TestCase(AgentRole.Admin, AgentRole.Supervisor)]
    public void ChangeRole_ToAnotherRole_RotatesTheStamp(AgentRole from, AgentRole to)
    {
        var agent = NewAgent(from);
        var before = agent.SecurityStamp;

        agent.ChangeRole(to, Now);

        Assert.That(agent.SecurityStamp, Is.Not.EqualTo(before));
    }

    [Test]
    public void ChangeRole_ToTheSameRole_KeepsTheStamp()
    {
        var agent = NewAgent(AgentRole.Supervisor);
        var before = agent.SecurityStamp;

        agent.ChangeRole(AgentRole.Supervisor, Now);

        Assert.That(agent.SecurityStamp, Is.EqualTo(before));
    }

    [Test]
    public void ChangePasswordHash_AlwaysRotatesTheStamp()
    {
        var agent = NewAgent();
        var before = agent.SecurityStamp;

        agent.ChangePasswordHash("hash-2", Now);

        Assert.That(agent.SecurityStamp, Is.Not.EqualTo(before));
    }

    [Test]
    public void ConfigureTeleCmi_WithdrawingCallingPermission_RotatesTheStamp()
    {
        var agent = NewAgent();
        var before = agent.SecurityStamp;

        agent.ConfigureTeleCmi("5003_1111112", callingAllowed: false, Now);

        Assert.That(agent.SecurityStamp, Is.Not.EqualTo(before));
    }

    [Test]
    public void ConfigureTeleCmi_GrantingCallingPermission_RotatesTheStamp()
    {
        var agent = new Agent("ravi", "hash-1", "Ravi", PhoneNumber.Parse("+919100000002"), AgentRole.Telecaller, Now);
        var before = agent.SecurityStamp;

        agent.ConfigureTeleCmi("5004_1111112", callingAllowed: true, Now);

        Assert.That(agent.SecurityStamp, Is.Not.EqualTo(before));
    }

    [TestCase("5009_1111112")]
    [TestCase(null)]
    public void ConfigureTeleCmi_ChangingTheTeleCmiUserId_RotatesTheStamp(string? userId)
    {
        var agent = NewAgent();
        var before = agent.SecurityStamp;

        agent.ConfigureTeleCmi(userId, callingAllowed: true, Now);

        Assert.That(agent.SecurityStamp, Is.Not.EqualTo(before));
    }

    [Test]
    public void ConfigureTeleCmi_WithTheSameSettings_KeepsTheStamp()
    {
        var agent = NewAgent();
        var before = agent.SecurityStamp;

        agent.ConfigureTeleCmi("5003_1111112", callingAllowed: true, Now);

        Assert.That(agent.SecurityStamp, Is.EqualTo(before));
    }

    [Test]
    public void ConfigureTeleCmi_WithAnInvalidUserId_IsRejected_AndKeepsTheStamp()
    {
        var agent = NewAgent();
        var before = agent.SecurityStamp;

        Assert.Throws<DomainException>(() => agent.ConfigureTeleCmi("not-an-id", callingAllowed: false, Now));
        Assert.That(agent.SecurityStamp, Is.EqualTo(before));
    }

    [Test]
    public void Deactivate_RotatesTheStamp()
    {
        var agent = NewAgent();
        var before = agent.SecurityStamp;

        agent.Deactivate(Now);

        Assert.That(agent.SecurityStamp, Is.Not.EqualTo(before));
    }

    [Test]
    public void DeactivateThenActivate_NeverReturnsToTheStampOfTheOldTokens()
    {
        var agent = NewAgent();
        var issuedWith = agent.SecurityStamp;

        agent.Deactivate(Now);
        var whileDisabled = agent.SecurityStamp;
        agent.Activate(Now);

        Assert.That(agent.SecurityStamp, Is.Not.EqualTo(issuedWith));
        Assert.That(agent.SecurityStamp, Is.Not.EqualTo(whileDisabled));
    }

    [Test]
    public void Activate_WhenAlreadyActive_KeepsTheStamp()
    {
        var agent = NewAgent();
        var before = agent.SecurityStamp;

        agent.Activate(Now);

        Assert.That(agent.SecurityStamp, Is.EqualTo(before));
    }

    [Test]
    public void RenameAndChangePhone_KeepTheStamp_TheyGrantNothing()
    {
        var agent = NewAgent();
        var before = agent.SecurityStamp;

        agent.Rename("Asha Kumari", Now);
        agent.ChangePhone(PhoneNumber.Parse("+919100000009"), Now);

        Assert.That(agent.SecurityStamp, Is.EqualTo(before));
    }
}
