using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// A replayed or raced Idempotency-Key is an expected outcome: the log shows no Error and no stack trace for it
/// (it used to show two EF errors with full traces per replay, from the insert that hit the primary key).
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class IdempotencyLogTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private readonly RecordedLogs logs = new();

    protected override void ConfigureService(IWebHostBuilder builder) => builder.ConfigureLogging(l => l.AddProvider(logs));

    [SetUp]
    public void ForgetEarlierLogs() => logs.Clear();

    [Test]
    public async Task AReplayedKey_LogsNoErrorAndNoException()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var body = Body(new { driverId = await Api.NewDriverAsync() });
        var key = Guid.NewGuid().ToString();
        logs.Clear();

        var first = await PostAsync(agent, body, key);
        var replay = await PostAsync(agent, body, key);

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(replay.Headers.Contains("Idempotent-Replayed"), Is.True, "the second answer is a replay");
            AssertQuietLog();
        });
    }

    [Test]
    public async Task TenRequestsRacingForOneKey_LogNoErrorAndNoException()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var body = Body(new { driverId = await Api.NewDriverAsync() });
        var key = Guid.NewGuid().ToString();
        Factory.Gateway.Answer = async _ =>
        {
            await Task.Delay(200);
            return new ClickToCallResult.Accepted("req-" + Guid.NewGuid().ToString("N")[..12]);
        };
        logs.Clear();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(agent, body, key)));

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => r.StatusCode), Is.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.Conflict));
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed")), Is.EqualTo(1),
                "one request ran");
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1));
            AssertQuietLog();
        });
    }

    private void AssertQuietLog()
    {
        Assert.That(logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.ToString()), Is.Empty, "nothing at Error or above");
        Assert.That(logs.Entries.Where(e => e.Exception is not null).Select(e => e.ToString()), Is.Empty, "no entry carries an exception");
    }

    private static string Body(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/calls") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
