using Moq;
using TeleCmi.Application.Calls.HangUpCall;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.UnitTests.Application;

public sealed class TeleCmiUserSessionTests
{
    private const string User = "5003_1111112";
    private Mock<ITeleCmiGateway> gateway = null!;
    private Mock<ITeleCmiUserTokens> tokens = null!;

    [SetUp]
    public void NewMocks()
    {
        gateway = new Mock<ITeleCmiGateway>(MockBehavior.Strict);
        tokens = new Mock<ITeleCmiUserTokens>();
    }

    [Test]
    public async Task AKeptToken_IsUsed_WithoutALogin()
    {
        tokens.Setup(t => t.Find(User)).Returns("kept");
        gateway.Setup(g => g.HangUpAsync("kept", "leg-a", It.IsAny<CancellationToken>())).ReturnsAsync(new HangUpResult.Accepted());

        var result = await Session().HangUpAsync(User, "pw", "leg-a", CancellationToken.None);

        Assert.That(result, Is.InstanceOf<HangUpResult.Accepted>());
        gateway.Verify(g => g.UserLoginAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ARefusedKeptToken_IsForgotten_AndOneFreshLoginDecides()
    {
        tokens.Setup(t => t.Find(User)).Returns("kept");
        gateway.Setup(g => g.HangUpAsync("kept", "leg-a", It.IsAny<CancellationToken>())).ReturnsAsync(new HangUpResult.Refused(404, "Failed to authenticate token"));
        gateway.Setup(g => g.UserLoginAsync(User, "pw", It.IsAny<CancellationToken>())).ReturnsAsync(new UserLoginResult.LoggedIn("fresh"));
        gateway.Setup(g => g.HangUpAsync("fresh", "leg-a", It.IsAny<CancellationToken>())).ReturnsAsync(new HangUpResult.Accepted());

        var result = await Session().HangUpAsync(User, "pw", "leg-a", CancellationToken.None);

        Assert.That(result, Is.InstanceOf<HangUpResult.Accepted>());
        tokens.Verify(t => t.Forget(User, "kept"));
        tokens.Verify(t => t.Remember(User, "fresh"));
        gateway.Verify(g => g.UserLoginAsync(User, "pw", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ARefusalWithAFreshToken_IsFinal_NoSecondLogin()
    {
        gateway.Setup(g => g.UserLoginAsync(User, "pw", It.IsAny<CancellationToken>())).ReturnsAsync(new UserLoginResult.LoggedIn("fresh"));
        gateway.Setup(g => g.HangUpAsync("fresh", "leg-a", It.IsAny<CancellationToken>())).ReturnsAsync(new HangUpResult.Refused(404, "cmiuuid not found"));

        var result = await Session().HangUpAsync(User, "pw", "leg-a", CancellationToken.None);

        Assert.That(result, Is.EqualTo(new HangUpResult.Refused(404, "cmiuuid not found")));
        gateway.Verify(g => g.UserLoginAsync(User, "pw", It.IsAny<CancellationToken>()), Times.Once);
        gateway.Verify(g => g.HangUpAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task AnUnavailableTeleCmi_WithAKeptToken_DoesNotLogIn()
    {
        tokens.Setup(t => t.Find(User)).Returns("kept");
        gateway.Setup(g => g.HangUpAsync("kept", "leg-a", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HangUpResult.Unavailable("TeleCMI answered HTTP 503", TimeSpan.FromSeconds(5)));

        var result = await Session().HangUpAsync(User, "pw", "leg-a", CancellationToken.None);

        Assert.That(result, Is.InstanceOf<HangUpResult.Unavailable>());
        tokens.Verify(t => t.Forget(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
    }

    private TeleCmiUserSession Session() => new(gateway.Object, tokens.Object);
}
