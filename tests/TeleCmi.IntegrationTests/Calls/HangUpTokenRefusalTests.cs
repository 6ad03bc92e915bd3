using System.Diagnostics;
using System.Net;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Gateway.Support;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// A kept TeleCMI user token that TeleCMI refuses (here: the stand-in's tokens last 2 s, as TeleCMI's last 30 days) costs
/// one fresh login and one more hang-up attempt, and the hang-up still succeeds.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class HangUpTokenRefusalTests(DatabaseEngine engine)
{
    private const int TokenLifetimeSeconds = 2;

    private SimulatedApp app = null!;
    private CallsApi asha = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        app = new SimulatedApp(new() { ["TeleCmi:Simulator:UserTokenLifetimeSeconds"] = TokenLifetimeSeconds.ToString() },
            database: TestDatabase.Create(engine));
        asha = await CallsApi.SignInAsync(app.Start());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        asha?.Http.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Test]
    public async Task ARefusedKeptToken_LogsInOnceMore_AndTheHangUpSucceeds()
    {
        var first = await HangUpTests.PlaceTalkingCallAsync(asha, "DRV-1007");
        await CallsApi.ReadAsync(await asha.Http.PostAsync($"/api/calls/{first}/hangup", null), HttpStatusCode.Accepted);
        var loggedIn = Stopwatch.StartNew();
        Assert.That(app.TeleCmiRequests.Count("/v2/user/login"), Is.EqualTo(1));
        Assert.That(app.TeleCmiRequests.Count("/v2/c2c/hangup"), Is.EqualTo(1));
        var second = await HangUpTests.PlaceTalkingCallAsync(asha, "DRV-1008");
        var left = TimeSpan.FromSeconds(TokenLifetimeSeconds + 0.5) - loggedIn.Elapsed;
        if (left > TimeSpan.Zero) await Task.Delay(left);

        await CallsApi.ReadAsync(await asha.Http.PostAsync($"/api/calls/{second}/hangup", null), HttpStatusCode.Accepted);

        var tokens = app.TeleCmiRequests.Bodies("/v2/c2c/hangup").Select(b => b["token"]!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(app.TeleCmiRequests.Count("/v2/user/login"), Is.EqualTo(2), "one fresh login after the refusal");
            Assert.That(tokens, Has.Count.EqualTo(3), "the kept token, refused; then the new one");
            Assert.That(tokens[1], Is.EqualTo(tokens[0]), "the kept token was tried first");
            Assert.That(tokens[2], Is.Not.EqualTo(tokens[1]));
        });
        await asha.WaitForStatusAsync(second, "completed");
    }
}
