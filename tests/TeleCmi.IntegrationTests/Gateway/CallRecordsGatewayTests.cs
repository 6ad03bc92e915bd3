using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.IntegrationTests.Gateway.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>
/// The call-record gateway (<c>/v2/out_answered</c>, <c>/v2/out_missed</c>) against WireMock playing TeleCMI: the documented
/// body (epoch ms UTC, limit at most 20), field types that vary, HTTP 200 with an error code, 429 and 500.
/// </summary>
public sealed class CallRecordsGatewayTests
{
    private static readonly DateTime From = new(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);
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
        var leaks = host.Logs.Containing([GatewayHost.AppSecret]);
        host.Dispose();
        host = null;
        Assert.That(leaks, Is.Empty, "the app secret was logged");
    }

    [Test]
    public async Task Answered_SendsTheDocumentedBody_AndReadsRecordsWhoseTypesVary()
    {
        Answer("/v2/out_answered", 200, """
            {"count": 2, "cdr": [
              {"cmiuid": "c-1", "duration": 71, "billedsec": "60", "agent": "5003_2222223", "from": "918069000000", "to": 919876543210,
               "time": 1796547600000, "filename": "1_x.wav", "record": "true"},
              {"cmiuid": "c-2", "duration": "30", "billedsec": 20, "agent": "5003_2222223", "from": 918069000000, "to": "919876543211",
               "time": "1796547660000", "filename": "2_x.wav", "record": false},
              {"cmiuid": "no-time", "duration": 1}
            ]}
            """);

        var page = await Records().ListAsync(CallRecordKind.Answered, From, From.AddMinutes(10), 2, 50, CancellationToken.None);

        var found = page as CallRecordsPage.Found;
        Assert.That(found, Is.Not.Null, page + string.Join("\n", host!.Logs.Lines));
        var sent = JsonNode.Parse(server.LogEntries.Single().RequestMessage!.Body!)!;
        Assert.Multiple(() =>
        {
            Assert.That(sent["appid"]!.GetValue<long>(), Is.EqualTo(2222223L), "appid is a JSON number");
            Assert.That(sent["secret"]!.GetValue<string>(), Is.EqualTo(GatewayHost.AppSecret));
            Assert.That(sent["start_date"]!.GetValue<long>(), Is.EqualTo(new DateTimeOffset(From).ToUnixTimeMilliseconds()));
            Assert.That(sent["end_date"]!.GetValue<long>(), Is.EqualTo(new DateTimeOffset(From.AddMinutes(10)).ToUnixTimeMilliseconds()));
            Assert.That((sent["page"]!.GetValue<int>(), sent["limit"]!.GetValue<int>()), Is.EqualTo((2, 20)), "limit at most 20");
            Assert.That(found!.Total, Is.EqualTo(2));
            Assert.That(found.Records, Has.Count.EqualTo(2), "an entry without a time is skipped");
            Assert.That(found.Records[0], Is.EqualTo(new CallRecord(CallRecordKind.Answered, "c-1", "5003_2222223", "919876543210",
                DateTimeOffset.FromUnixTimeMilliseconds(1796547600000).UtcDateTime, 71, 60, "1_x.wav")));
            Assert.That((found.Records[1].ToDigits, found.Records[1].DurationSeconds, found.Records[1].RecordingFile), Is.EqualTo(("919876543211", 30, (string?)null)),
                "record: false means no recording");
        });
    }

    [Test]
    public async Task Missed_UsesItsOwnPath()
    {
        Answer("/v2/out_missed", 200, """{"count": 0, "cdr": []}""");

        var page = await Records().ListAsync(CallRecordKind.Missed, From, From.AddMinutes(1), 1, 20, CancellationToken.None);

        Assert.That(page, Is.TypeOf<CallRecordsPage.Found>());
    }

    [Test]
    public async Task Http200WithAnErrorCode_IsAFailure_WithoutTheSecret()
    {
        Answer("/v2/out_answered", 200, $$"""{"code": 401, "msg": "Invalid secret {{GatewayHost.AppSecret}}"}""");

        var page = await Records().ListAsync(CallRecordKind.Answered, From, From.AddMinutes(1), 1, 20, CancellationToken.None);

        var failed = page as CallRecordsPage.Failed;
        Assert.That(failed, Is.Not.Null);
        Assert.That(failed!.Reason, Does.Contain("401").And.Not.Contain(GatewayHost.AppSecret));
    }

    [TestCase(429, true)]
    [TestCase(500, false)]
    public async Task AnHttpError_IsAFailure_429IsRateLimited(int status, bool rateLimited)
    {
        server.Given(Request.Create().WithPath("/v2/out_answered").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Retry-After", "1").WithBody("{}"));

        var page = await Records(new() { ["TeleCmi:MaxRetryAttempts"] = "1" })
            .ListAsync(CallRecordKind.Answered, From, From.AddMinutes(1), 1, 20, CancellationToken.None);

        var failed = page as CallRecordsPage.Failed;
        Assert.That(failed, Is.Not.Null);
        Assert.That(failed!.RateLimited, Is.EqualTo(rateLimited), failed.Reason);
        if (rateLimited) Assert.That(failed.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    private ITeleCmiCallRecords Records(Dictionary<string, string?>? overrides = null)
    {
        // A first request in a fresh process can take a second: not what these tests are about.
        host = new GatewayHost(server.Url!, new Dictionary<string, string?>(overrides ?? []) { ["TeleCmi:AttemptTimeoutSeconds"] = "5" });
        return host.Get<ITeleCmiCallRecords>();
    }

    private void Answer(string path, int status, string body) =>
        server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
}
