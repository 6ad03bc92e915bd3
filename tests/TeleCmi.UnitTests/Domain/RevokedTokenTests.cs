using TeleCmi.Domain.Agents;

namespace TeleCmi.UnitTests.Domain;

public sealed class RevokedTokenTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Revoke_KeepsTheTokenUntilItsOwnExpiry()
    {
        var revoked = RevokedToken.Revoke("3f2a9c", 7, Now.AddHours(11), Now);

        Assert.That((revoked.TokenId, revoked.AgentId, revoked.RevokedAt, revoked.ExpiresAt), Is.EqualTo(("3f2a9c", 7, Now, Now.AddHours(11))));
    }

    [TestCase("")]
    [TestCase("0123456789012345678901234567890123456789012345678901234567890123x")]
    public void Revoke_WithATokenIdOutsideTheColumn_IsRejected(string tokenId)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RevokedToken.Revoke(tokenId, 7, Now.AddHours(1), Now));
    }
}
