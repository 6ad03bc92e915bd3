using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Common;

namespace TeleCmi.UnitTests.Domain;

/// <summary>The platform's user id on an agent: trimmed, cleared by empty, validated, and not a right.</summary>
public sealed class AgentExternalIdTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

    private static Agent NewAgent() => new("asha", "hash-1", "Asha K", PhoneNumber.Parse("+919100000001"), AgentRole.Telecaller, Now);

    [Test]
    public void Set_TrimsAndStores_WithoutEndingSessions()
    {
        var agent = NewAgent();
        var stamp = agent.SecurityStamp;
        agent.SetExternalId("  42 ", Now.AddMinutes(1));
        Assert.Multiple(() =>
        {
            Assert.That(agent.ExternalId, Is.EqualTo("42"));
            Assert.That(agent.UpdatedAt, Is.EqualTo(Now.AddMinutes(1)));
            Assert.That(agent.SecurityStamp, Is.EqualTo(stamp));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void EmptyOrNull_Clears(string? value)
    {
        var agent = NewAgent();
        agent.SetExternalId("42", Now);
        agent.SetExternalId(value, Now);
        Assert.That(agent.ExternalId, Is.Null);
    }

    [Test]
    public void SettingTheSameValue_DoesNotTouchUpdatedAt()
    {
        var agent = NewAgent();
        agent.SetExternalId("42", Now);
        agent.SetExternalId("42", Now.AddDays(1));
        Assert.That(agent.UpdatedAt, Is.EqualTo(Now));
    }

    [TestCase("user 42")]
    [TestCase("42;drop")]
    [TestCase("ünicode")]
    public void Malformed_IsRefused(string value) =>
        Assert.Throws<DomainException>(() => NewAgent().SetExternalId(value, Now));

    [Test]
    public void SixtyFiveCharacters_AreRefused_SixtyFourAccepted()
    {
        Assert.That(Agent.IsValidExternalId(new string('7', Agent.ExternalIdMaxLength)), Is.True);
        Assert.That(Agent.IsValidExternalId(new string('7', Agent.ExternalIdMaxLength + 1)), Is.False);
    }
}
