using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Foundation;

/// <summary>Start-up refuses unsafe configuration with a message naming the setting.</summary>
public sealed class StartupConfigurationTests
{
    [TestCase("", "Jwt:SigningKey")]
    [TestCase("too-short-key", "Jwt:SigningKey")]
    public void OutsideDevelopment_AMissingOrShortSigningKey_StopsStartUp(string key, string named)
    {
        var database = TestDatabase.Create(DatabaseEngine.Sqlite);
        using var factory = new TeleCmiApiFactory(database, b => { b.UseEnvironment("Production"); b.UseSetting("Jwt:SigningKey", key); });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(Flatten(error), Does.Contain(named));
    }

    [TestCase("TeleCmi:AppSecret")]
    [TestCase("TeleCmi:WebhookToken")]
    [TestCase("TeleCmi:AppId")]
    public void InLiveMode_AMissingTeleCmiSetting_StopsStartUpNamingIt(string setting)
    {
        var database = TestDatabase.Create(DatabaseEngine.Sqlite);
        using var factory = new TeleCmiApiFactory(database, b =>
        {
            b.UseSetting("TeleCmi:Mode", "Live");
            b.UseSetting("TeleCmi:BaseUrl", "http://127.0.0.1:9");
            b.UseSetting(setting, "");
        });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(Flatten(error), Does.Contain(setting));
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    public void OutsideDevelopment_SimulatedMode_StopsStartUpNamingTeleCmiMode(string environment)
    {
        var database = TestDatabase.Create(DatabaseEngine.Sqlite);
        using var factory = new TeleCmiApiFactory(database, b => { b.UseEnvironment(environment); b.UseSetting("TeleCmi:Mode", "Simulated"); });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(Flatten(error), Does.Contain("TeleCmi:Mode").And.Contain(environment));
    }

    [Test]
    public void InProduction_WithNoModeSet_TheModeIsLive_SoEachMissingSecretIsNamed()
    {
        var database = TestDatabase.Create(DatabaseEngine.Sqlite);
        using var factory = new TeleCmiApiFactory(database, b =>
        {
            b.UseEnvironment("Production");
            // A source of its own, added last: null unsets what the factory set (UseSetting would turn null into "").
            b.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["TeleCmi:Mode"] = null, ["TeleCmi:AppId"] = null, ["TeleCmi:AppSecret"] = null, ["TeleCmi:WebhookToken"] = null,
            }));
        });

        var error = Flatten(Assert.Catch(() => factory.CreateClient()));

        Assert.That(error, Does.Contain("TeleCmi:AppId").And.Contain("TeleCmi:AppSecret").And.Contain("TeleCmi:WebhookToken"));
        Assert.That(error, Does.Not.Contain("TeleCmi:Mode"), "Live is accepted everywhere; only its secrets are missing");
    }

    [TestCase("TeleCmi:WebhookToken")]
    [TestCase("TeleCmi:PreviousWebhookToken")]
    public void InLiveMode_AWebhookTokenShorterThan24Characters_StopsStartUpNamingIt(string setting)
    {
        var database = TestDatabase.Create(DatabaseEngine.Sqlite);
        using var factory = new TeleCmiApiFactory(database, b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("TeleCmi:Mode", "Live");
            b.UseSetting(setting, new string('t', 23));
        });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(Flatten(error), Does.Contain(setting).And.Contain("24"));
    }

    [Test]
    public async Task InLiveMode_AWebhookTokenOf24Characters_IsAccepted()
    {
        var database = TestDatabase.Create(DatabaseEngine.Sqlite);
        await using var factory = new TeleCmiApiFactory(database, b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("TeleCmi:Mode", "Live");
            b.UseSetting("TeleCmi:WebhookToken", new string('t', 24));
        });
        using var http = factory.CreateClient();

        using var live = await http.GetAsync("/health/live");

        Assert.That(live.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    private static string Flatten(Exception? e)
    {
        var text = "";
        for (; e is not null; e = e.InnerException) text += e.Message + "\n" + (e is AggregateException a ? string.Join("\n", a.InnerExceptions.Select(Flatten)) : "");
        return text;
    }
}
