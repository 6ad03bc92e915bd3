using Microsoft.AspNetCore.Hosting;
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

    private static string Flatten(Exception? e)
    {
        var text = "";
        for (; e is not null; e = e.InnerException) text += e.Message + "\n" + (e is AggregateException a ? string.Join("\n", a.InnerExceptions.Select(Flatten)) : "");
        return text;
    }
}
