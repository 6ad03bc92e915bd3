using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.IntegrationTests.Gateway.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>The real click-to-call gateway against a local HTTP stand-in (WireMock) that plays TeleCMI's answers and faults.</summary>
public sealed class ClickToCallGatewayTests
{
    private const string Path = "/v2/webrtc/click2call";
    private const string ToDigits = "919876543210";
    private static readonly ClickToCallRequest Call = new("5003_2222223", ToDigits, "call_0193aa55b7c64e0a9f3c2d1e0f4b5a69");

    private WireMockServer server = null!;
    private GatewayHost? host;

    [SetUp]
    public void StartStandIn() => server = WireMockServer.Start();

    [TearDown]
    public void StopAndScanLogs()
    {
        server.Stop();
        server.Dispose();
        if (host is null) return;
        var leaks = host.Logs.Containing([GatewayHost.AppSecret, ToDigits, "9876543210"]);
        host.Dispose();
        host = null;
        Assert.That(leaks, Is.Empty, "the app secret or a full phone number was logged");
    }

    [Test]
    public async Task ClickToCall_WhenTeleCmiAccepts_ReturnsItsRequestIdAndSendsTheDocumentedBody()
    {
        Answer(200, """{"code":200,"msg":"Call initiated","request_id":"s96C6XK1BUHX0oVZ"}""");

        var result = await Gateway().ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ClickToCallResult.Accepted("s96C6XK1BUHX0oVZ")));
        var sent = JsonNode.Parse(server.LogEntries.Single().RequestMessage!.Body!)!;
        Assert.Multiple(() =>
        {
            Assert.That(sent["user_id"]!.GetValue<string>(), Is.EqualTo("5003_2222223"));
            Assert.That(sent["secret"]!.GetValue<string>(), Is.EqualTo(GatewayHost.AppSecret));
            Assert.That(sent["to"]!.GetValue<long>(), Is.EqualTo(919876543210L), "to is a JSON number");
            Assert.That(sent["extra_params"]!["call_id"]!.GetValue<string>(), Is.EqualTo(Call.CallId));
            Assert.That(sent["webrtc"]!.GetValue<bool>(), Is.False);
            Assert.That(sent["followme"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task ClickToCall_WhenTeleCmiAnswersHttp404_IsRefusedWithItsMessage()
    {
        Answer(404, """{"code":404,"msg":"Invalid user id or secret"}""");

        var result = await Gateway().ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ClickToCallResult.Refused(404, "Invalid user id or secret")));
        Assert.That(host!.Counter.Attempts, Is.EqualTo(1), "a refusal is not retried");
    }

    [Test]
    public async Task ClickToCall_WhenTeleCmiAnswersHttp200WithAnErrorCode_IsRefused()
    {
        Answer(200, """{"code":"404","msg":"Invalid number"}""");

        var result = await Gateway().ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ClickToCallResult.Refused(404, "Invalid number")));
    }

    [Test]
    public async Task ClickToCall_WhenTheProviderMessageEchoesTheSecretOrTheNumber_TheResultCarriesNeither()
    {
        Answer(200, $$"""{"code":400,"msg":"Bad secret {{GatewayHost.AppSecret}} for 919876543210"}""");

        var result = await Gateway().ClickToCallAsync(Call, CancellationToken.None);

        var refused = (ClickToCallResult.Refused)result;
        Assert.That(refused.Message, Does.Not.Contain(GatewayHost.AppSecret).And.Not.Contain("9876543210"));
        Assert.That(refused.Message, Does.Contain("3210"), "the masked number still helps support");
    }

    [Test]
    public async Task ClickToCall_WhenTeleCmiSaysUnavailableInTheBodyOfA200_IsNotPlaced()
    {
        Answer(200, """{"code":503,"msg":"Service unavailable"}""");

        var result = await Gateway().ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.TypeOf<ClickToCallResult.NotPlaced>());
    }

    [Test]
    public async Task ClickToCall_WhenTeleCmiSaysInitiatedButGivesNoRequestId_IsUnconfirmedNotRefused()
    {
        Answer(200, """{"code":200,"msg":"Call initiated"}""");

        var result = await Gateway().ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.TypeOf<ClickToCallResult.Unconfirmed>(), "TeleCMI said it placed the call: never report it as not placed");
    }

    [Test]
    public async Task ClickToCall_WhenNothingListens_IsRetriedThenNotPlaced()
    {
        host = new GatewayHost(GatewayHost.ClosedPortUrl());

        var result = await host.Gateway.ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.TypeOf<ClickToCallResult.NotPlaced>());
        Assert.That(host.Counter.Attempts, Is.EqualTo(3), "the first attempt and two retries: no connection means no call");
    }

    [Test]
    public async Task ClickToCall_WhenTeleCmiIsBusyOnce_IsRetriedAndAccepted()
    {
        server.Given(Request.Create().WithPath(Path).UsingPost()).InScenario("busy").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"code":503,"msg":"busy"}"""));
        server.Given(Request.Create().WithPath(Path).UsingPost()).InScenario("busy").WhenStateIs("free")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"code":200,"msg":"Call initiated","request_id":"r-2"}"""));

        var result = await Gateway().ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ClickToCallResult.Accepted("r-2")));
        Assert.That(server.LogEntries.Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task ClickToCall_WhenTeleCmiKeepsAnswering503_IsNotPlacedWithItsRetryAfter()
    {
        server.Given(Request.Create().WithPath(Path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "7").WithBody("""{"code":503,"msg":"down"}"""));

        var result = await Gateway().ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ClickToCallResult.NotPlaced("TeleCMI answered HTTP 503", TimeSpan.FromSeconds(7))));
        Assert.That(server.LogEntries.Count(), Is.EqualTo(3));
    }

    [Test]
    public async Task ClickToCall_WhenTeleCmiKeepsAnswering429_IsRetriedThenNotPlaced()
    {
        server.Given(Request.Create().WithPath(Path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "12").WithBody("""{"code":429,"msg":"Too many requests"}"""));

        var result = await Gateway().ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ClickToCallResult.NotPlaced("TeleCMI answered HTTP 429", TimeSpan.FromSeconds(12))));
        Assert.That(server.LogEntries.Count(), Is.EqualTo(3), "a 429 proves TeleCMI took nothing: retried twice, then given up");
    }

    [Test]
    public async Task ClickToCall_WhenTeleCmiIsSlowerThanTheAttemptTimeout_IsUnconfirmedAndNotRetried()
    {
        server.Given(Request.Create().WithPath(Path).UsingPost())
            .RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(2.5)).WithStatusCode(200)
                .WithBody("""{"code":200,"msg":"Call initiated","request_id":"late"}"""));

        var result = await Gateway().ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.TypeOf<ClickToCallResult.Unconfirmed>());
        Assert.That(host!.Counter.Attempts, Is.EqualTo(1), "a timeout after sending may have rung the agent: never retried");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.That(server.LogEntries.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task ClickToCall_WhenTheConnectionDropsAfterTheRequestWasSent_IsUnconfirmedAndNotRetried()
    {
        using var dropping = new HangUpServer();
        host = new GatewayHost(dropping.Url);

        var result = await host.Gateway.ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.TypeOf<ClickToCallResult.Unconfirmed>());
        Assert.That(dropping.Requests, Is.EqualTo(1), "TeleCMI may have taken the request: never sent twice");
    }

    [Test]
    public async Task ClickToCall_WhenTeleCmiStallsAfterTheHeaders_GivesUpAtTheTotalTimeoutAsUnconfirmed()
    {
        using var stalling = new HangUpServer(stallAfterHeaders: true);
        host = new GatewayHost(stalling.Url, new() { ["TeleCmi:TotalTimeoutSeconds"] = "2" });
        var started = DateTime.UtcNow;

        var result = await host.Gateway.ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.TypeOf<ClickToCallResult.Unconfirmed>());
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(stalling.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task ClickToCall_AfterThreeFailures_TheCircuitOpensAndTheNextCallNeverReachesTeleCmi()
    {
        Answer(500, """{"code":500,"msg":"internal error"}""");
        var gateway = Gateway(new() { ["TeleCmi:CircuitBreakerMinimumThroughput"] = "3", ["TeleCmi:CircuitBreakerBreakSeconds"] = "30" });
        for (var i = 0; i < 3; i++)
            Assert.That(await gateway.ClickToCallAsync(Call, CancellationToken.None), Is.TypeOf<ClickToCallResult.Unconfirmed>());

        var result = await gateway.ClickToCallAsync(Call, CancellationToken.None);

        Assert.That(result, Is.TypeOf<ClickToCallResult.NotPlaced>());
        Assert.That(((ClickToCallResult.NotPlaced)result).RetryAfter, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(server.LogEntries.Count(), Is.EqualTo(3), "the open circuit answered without calling TeleCMI");
    }

    [Test]
    public async Task ClickToCall_LogsOneLineWithDurationOutcomeAndRequestId_AndTheNumberMasked()
    {
        Answer(200, """{"code":200,"msg":"Call initiated","request_id":"req-logged-1"}""");

        await Gateway().ClickToCallAsync(Call, CancellationToken.None);

        var line = host!.Logs.Lines.Single(l => l.Contains("TeleCMI click2call"));
        Assert.That(line, Does.Contain("accepted").And.Contain("req-logged-1").And.Contain("+91******3210").And.Match(@"in \d+ ms"));
    }

    private ITeleCmiGateway Gateway(Dictionary<string, string?>? overrides = null)
    {
        host = new GatewayHost(server.Url!, overrides);
        return host.Gateway;
    }

    private void Answer(int status, string body) =>
        server.Given(Request.Create().WithPath(Path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
}
