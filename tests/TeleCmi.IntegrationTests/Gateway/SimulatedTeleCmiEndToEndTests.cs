using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Gateway.Support;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>
/// The whole app as `dotnet run` starts it in Development, with the TeleCMI stand-in it hosts on a loopback port of its
/// own: the real gateway calls the stand-in over HTTP, which posts webhooks back to the service. Each scenario uses its own demo driver, so no test
/// trips another's double-tap guard.
/// </summary>
[Order(1)]
public sealed class SimulatedTeleCmiEndToEndTests
{
    private SimulatedApp app = null!;
    private CallsApi api = null!;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        app = new SimulatedApp();
        api = await CallsApi.SignInAsync(app.Start());
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        api?.Http.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Test, Order(1)]
    public async Task HappyPath_TheCallCompletesWithADurationAndAPlayableRecording()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1001"), HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            Assert.That(created["provider"]!.GetValue<string>(), Is.EqualTo("telecmi"));
            Assert.That(created["status"]!.GetValue<string>(), Is.AnyOf("initiated", "ringing"), "snake_case status, moved on by webhooks");
            Assert.That(created["teleCmiRequestId"]!.GetValue<string>(), Has.Length.EqualTo(43), "camelCase JSON, TeleCMI's request id");
        });
        var callId = created["id"]!.GetValue<string>();

        var completed = await api.WaitForStatusAsync(callId, "completed");

        Assert.Multiple(() =>
        {
            Assert.That(completed["durationSeconds"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(completed["hasRecording"]!.GetValue<bool>(), Is.True);
            Assert.That(completed["answeredAt"], Is.Not.Null);
            Assert.That(completed["hangupReason"]!.GetValue<string>(), Is.EqualTo("recv_bye"));
        });
        using var audio = await api.Http.GetAsync($"/api/calls/{callId}/recording");
        var bytes = await audio.Content.ReadAsByteArrayAsync();
        Assert.Multiple(() =>
        {
            Assert.That(audio.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(audio.Content.Headers.ContentType?.MediaType, Is.EqualTo("audio/wav"));
            Assert.That(bytes[..4], Is.EqualTo("RIFF"u8.ToArray()), "a WAV file");
            Assert.That(bytes, Has.Length.GreaterThan(8000));
        });

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/calls/{callId}/recording") { Headers = { Range = new RangeHeaderValue(0, 99) } };
        using var part = await api.Http.SendAsync(range);
        Assert.That(part.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await part.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes[..100]));
    }

    [Test, Order(2)]
    public async Task DriverDoesNotAnswer_0001_TheCallEndsMissedByTheDriver()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1002", "+919876500001"), HttpStatusCode.Created);

        var missed = await api.WaitForStatusAsync(created["id"]!.GetValue<string>(), "missed");

        Assert.That(missed["missedBy"]!.GetValue<string>(), Is.EqualTo("driver"));
        Assert.That(missed["hangupReason"]!.GetValue<string>(), Is.EqualTo("recv_cancel"));
        Assert.That(missed["hasRecording"]!.GetValue<bool>(), Is.False);
    }

    [Test, Order(3)]
    public async Task AgentDoesNotAnswer_0002_TheCallEndsMissedByTheAgent()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1003", "+919876500002"), HttpStatusCode.Created);

        var missed = await api.WaitForStatusAsync(created["id"]!.GetValue<string>(), "missed");

        Assert.That(missed["missedBy"]!.GetValue<string>(), Is.EqualTo("agent"));
    }

    [Test, Order(4)]
    public async Task TeleCmiRefuses_0003_Answers502WithItsMessage_AndTheCallIsFailed()
    {
        var problem = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1004", "+919876500003"), HttpStatusCode.BadGateway);

        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Invalid number"));
        var call = await api.GetAsync(problem["callId"]!.GetValue<string>());
        Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(call["failureReason"]!.GetValue<string>(), Does.Contain("refused"));
    }

    [Test, Order(5)]
    public async Task TeleCmiIsSlow_0004_Answers504_TheCallIsFailedAsMaybePlaced_ThenItsWebhooksComplete()
    {
        var problem = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1005", "+919876500004"), HttpStatusCode.GatewayTimeout);
        var callId = problem["callId"]!.GetValue<string>();

        var call = await api.GetAsync(callId);

        Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(call["failureReason"]!.GetValue<string>(), Does.Contain("may still have been placed"));
        var late = await api.WaitForStatusAsync(callId, "completed");
        Assert.That(late["durationSeconds"]!.GetValue<int>(), Is.GreaterThan(0), "TeleCMI did place it: a timeout does not mean no call");
    }

    [Test, Order(6)]
    public async Task DuplicateAndOutOfOrderWebhooks_0006_StillEndCompleted()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1006", "+919876500006"), HttpStatusCode.Created);

        var callId = created["id"]!.GetValue<string>();

        // The b-leg CDR comes before the b-leg "answered" event: completed first, answeredAt filled in later.
        var completed = await api.WaitForStatusAsync(callId, "completed");
        var settled = await api.WaitUntilAsync(callId, c => c["answeredAt"] is not null, "an answeredAt");

        Assert.That(completed["durationSeconds"]!.GetValue<int>(), Is.GreaterThan(0));
        Assert.That(completed["hasRecording"]!.GetValue<bool>(), Is.True);
        Assert.That(settled["status"]!.GetValue<string>(), Is.EqualTo("completed"), "later, older news never moves it back");
    }

    [Test, Order(7)]
    public async Task TheStandIn_IsNotPartOfTheApi_NeitherItsRoutesNorItsOperations()
    {
        // It listens on a port of its own (src/Api/Development); the API's own paths know nothing of it.
        var document = await api.Http.GetStringAsync("/swagger/v1/swagger.json");
        using var click = await api.Http.PostAsync("/simulator/telecmi/v2/webrtc/click2call", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var teleCmiPath = await api.Http.PostAsync("/v2/webrtc/click2call", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(document, Does.Contain("/api/calls"), "the API's own operations are listed");
        Assert.That(document, Does.Not.Contain("click2call").And.Not.Contain("/simulator").And.Not.Contain("/v2/play"));
        Assert.That(click.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(teleCmiPath.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test, Order(100)]
    public async Task Logs_OfAllTheCallsAbove_CarryNeitherTheAppSecretNorAFullPhoneNumber()
    {
        // Placed here too, so the scan is meaningful even when this test runs alone.
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1012"), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        await api.WaitForStatusAsync(callId, "completed");
        (await api.Http.GetAsync($"/api/calls/{callId}/recording")).EnsureSuccessStatusCode();

        Assert.That(app.Logs.Lines.Count(l => l.Contains("TeleCMI click2call")), Is.GreaterThan(0), "the gateway's lines were captured");
        Assert.That(app.Logs.Lines.Count(l => l.Contains("TeleCMI play")), Is.GreaterThan(0));
        Assert.That(app.Logs.Containing([SimulatedApp.DevelopmentAppSecret]), Is.Empty, "the app secret was logged");
        Assert.That(app.Logs.Containing(DemoNumbers()), Is.Empty, "a full phone number was logged");
    }

    /// <summary>The ten national digits of every number dialled here: seeded drivers and scenario numbers.</summary>
    public static IEnumerable<string> DemoNumbers() =>
        Enumerable.Range(0, 12).Select(i => $"98765{43210 + i:D5}").Concat(Enumerable.Range(1, 6).Select(i => $"98765{i:D5}"));
}
