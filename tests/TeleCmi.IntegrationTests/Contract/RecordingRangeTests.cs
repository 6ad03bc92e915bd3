using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Contract;

/// <summary>A range outside the recording is 416, documented on getCallRecording, as a problem like every other error.</summary>
public sealed class RecordingRangeTests() : ApiFixture(DatabaseEngine.Sqlite)
{
    [Test]
    public async Task GetCallRecording_WithARangeBeyondTheAudio_Is416Problem()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        var call = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var callId = call["id"]!.GetValue<string>();
        foreach (var hook in Webhooks.HappyPath(callId, call["teleCmiRequestId"]!.GetValue<string>(), "919876543210", 30, "1700000000000_5003.wav"))
            (await Api.PostWebhookAsync(hook)).EnsureSuccessStatusCode();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/calls/{callId}/recording") { Headers = { Range = new RangeHeaderValue(100_000, 200_000) } };
        var response = await agent.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestedRangeNotSatisfiable));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), await response.Content.ReadAsStringAsync());
    }
}
