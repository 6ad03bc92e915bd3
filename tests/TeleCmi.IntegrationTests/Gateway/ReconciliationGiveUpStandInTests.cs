using System.Net;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Gateway.Support;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>
/// A call TeleCMI never recorded, through HTTP on both engines: the stand-in keeps no call records and scenario 0007 sends
/// no webhooks, so after <c>Reconciliation:GiveUpAfterMinutes</c> the call is <c>not_placed</c> and final (and not before).
/// </summary>
[Order(5)]
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class ReconciliationGiveUpStandInTests(DatabaseEngine engine)
{
    private SimulatedApp app = null!;
    private CallsApi api = null!;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        app = new SimulatedApp(new()
        {
            ["Reconciliation:AfterMinutes"] = "0.02", // 1.2 s
            ["Reconciliation:GiveUpAfterMinutes"] = "0.1", // 6 s
            ["Reconciliation:IntervalSeconds"] = "1",
            ["Reconciliation:RequestSpacingMs"] = "0",
            ["TeleCmi:Simulator:KeepCallRecords"] = "false",
        }, database: TestDatabase.Create(engine));
        api = await CallsApi.SignInAsync(app.Start());
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        api?.Http.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Test]
    public async Task ACallTeleCmiNeverRecorded_AndNoWebhookEverToldOf_EndsNotPlaced_Final_AfterTheLongerWait()
    {
        var placedAt = DateTime.UtcNow;
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1011", "+919876520007"), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();

        await Task.Delay(TimeSpan.FromSeconds(3));
        var waiting = await api.GetAsync(callId);
        Assert.That((waiting["status"]!.GetValue<string>(), waiting["final"]!.GetValue<bool>()), Is.EqualTo(("initiated", false)),
            "looked up, no record yet, but before the longer wait nothing is concluded");

        var final = await api.WaitUntilAsync(callId, c => c["final"]!.GetValue<bool>(), "final");

        Assert.Multiple(() =>
        {
            Assert.That(final["status"]!.GetValue<string>(), Is.EqualTo("not_placed"));
            Assert.That(DateTime.UtcNow - placedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(6)));
            Assert.That(final["durationSeconds"], Is.Null);
            Assert.That(app.Logs.Lines.Any(l => l.Contains("has no record of call") && l.Contains("marked not placed")), Is.True);
            Assert.That(app.Logs.Lines.Where(l => l.Contains("has no record of call")).Any(l => l.Contains("9876520007")), Is.False,
                "the number is masked in the log");
        });
    }
}
