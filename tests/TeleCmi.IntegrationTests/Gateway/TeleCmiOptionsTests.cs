using Microsoft.Extensions.Options;
using NUnit.Framework;
using TeleCmi.Infrastructure.Telephony;
using TeleCmi.IntegrationTests.Gateway.Support;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>The gateway's settings are checked when they are first read, with messages that name the setting.</summary>
public sealed class TeleCmiOptionsTests
{
    [TestCase("TeleCmi:AppId")]
    [TestCase("TeleCmi:AppSecret")]
    [TestCase("TeleCmi:WebhookToken")]
    public void InLiveMode_AMissingCredential_IsRefusedNamingTheSetting(string setting)
    {
        using var host = new GatewayHost("http://127.0.0.1:9", new() { [setting] = "" });

        var error = Assert.Throws<OptionsValidationException>(() => _ = host.Get<IOptions<TeleCmiOptions>>().Value);

        Assert.That(error!.Message, Does.Contain(setting));
    }

    [Test]
    public void ATimeoutPerAttemptLongerThanTheTotal_IsRefused()
    {
        using var host = new GatewayHost("http://127.0.0.1:9", new() { ["TeleCmi:AttemptTimeoutSeconds"] = "20", ["TeleCmi:TotalTimeoutSeconds"] = "10" });

        var error = Assert.Throws<OptionsValidationException>(() => _ = host.Get<IOptions<TeleCmiOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("TeleCmi:AttemptTimeoutSeconds"));
    }

    [Test]
    public void InLiveMode_WithoutABaseUrl_TheGatewayCallsTeleCmisPublicApi()
    {
        using var host = new GatewayHost("", new() { ["TeleCmi:BaseUrl"] = null });

        Assert.That(host.Get<ITeleCmiBaseAddress>().Get(), Is.EqualTo(new Uri("https://rest.telecmi.com/")));
    }

    [Test]
    public void WithNoModeSet_TheModeIsLive()
    {
        using var host = new GatewayHost("http://127.0.0.1:9", new() { ["TeleCmi:Mode"] = null });

        Assert.That(host.Get<IOptions<TeleCmiOptions>>().Value.Mode, Is.EqualTo(TeleCmiMode.Live));
        Assert.That(new TeleCmiOptions().Mode, Is.EqualTo(TeleCmiMode.Live), "the class default, under any settings file");
    }

    [Test]
    public void InSimulatedMode_WithoutAWebhookToken_AnUnguessableOneIsMadeUp()
    {
        using var host = new GatewayHost("http://127.0.0.1:9", new() { ["TeleCmi:Mode"] = "Simulated", ["TeleCmi:WebhookToken"] = null });

        Assert.That(host.Get<IOptions<TeleCmiOptions>>().Value.WebhookToken, Has.Length.GreaterThanOrEqualTo(32));
    }
}
