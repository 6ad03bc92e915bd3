using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>The four use cases end to end through HTTP: InitiateCall, HandleWebhook, UpdateFeedback, GetCallLogs.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class CallFlowTests(DatabaseEngine engine) : ApiFixture(engine)
{
    [Test]
    public async Task TeleCmiCall_FromInitiationThroughWebhooksToFeedback_EndsCompletedAndListed()
    {
        var (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync("098765 43210");

        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(created["status"]!.GetValue<string>(), Is.EqualTo("initiated"));
            Assert.That(created["provider"]!.GetValue<string>(), Is.EqualTo("telecmi"));
            Assert.That(created["agentId"]!.GetValue<int>(), Is.EqualTo(agentId));
            Assert.That(created["driverPhone"]!.GetValue<string>(), Is.EqualTo("+919876543210"));
            Assert.That(created["teleCmiRequestId"]!.GetValue<string>(), Does.StartWith("req-"));
        });

        Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1));
        var sent = Factory.Gateway.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.UserId, Does.Match(@"^\d+_1111112$"), "user_id is the agent's TeleCMI user id");
            Assert.That(sent.ToDigits, Is.EqualTo("919876543210"), "digits with country code, no plus");
            Assert.That(sent.CallId, Is.EqualTo(callId), "our call id travels in extra_params");
        });

        var requestId = created["teleCmiRequestId"]!.GetValue<string>();
        foreach (var hook in Webhooks.HappyPath(callId, requestId, "919876543210", talkSeconds: 95, recording: "1700000000_rec.mp3"))
            Assert.That((await Api.PostWebhookAsync(hook)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var completed = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(completed["status"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(completed["durationSeconds"]!.GetValue<int>(), Is.EqualTo(95));
            Assert.That(completed["recordingFileName"]!.GetValue<string>(), Is.EqualTo("1700000000_rec.mp3"));
            Assert.That(completed["hangupReason"]!.GetValue<string>(), Is.EqualTo("recv_bye"));
            Assert.That(completed["answeredAt"], Is.Not.Null);
            Assert.That(completed["endedAt"], Is.Not.Null);
        });

        var feedback = await TestApi.ReadAsync(await agent.PutAsJsonAsync($"/api/calls/{callId}/feedback",
            new { outcome = "interested", feedback = "Two trucks free", remarks = "Pune to Nagpur", durationSeconds = 10, followUpAt = DateTimeOffset.UtcNow.AddDays(1) }),
            HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(feedback["outcome"]!.GetValue<string>(), Is.EqualTo("interested"));
            Assert.That(feedback["status"]!.GetValue<string>(), Is.EqualTo("completed"), "feedback never changes the provider's status");
            Assert.That(feedback["durationSeconds"]!.GetValue<int>(), Is.EqualTo(95), "TeleCMI's talk time wins over the agent's");
        });

        var list = await TestApi.ReadAsync(await agent.GetAsync("/api/calls"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(list["total"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(list["items"]!.AsArray().Single()!["id"]!.GetValue<string>(), Is.EqualTo(callId));
            Assert.That(list["limit"]!.GetValue<int>(), Is.EqualTo(50));
            Assert.That(list["offset"]!.GetValue<int>(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task TheCreatedAnswer_IsTheStoredCall_ToTheMicrosecond()
    {
        // The 201 is built from the saved entity, not read back: its times must be those the database keeps.
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync("098765 43211");

        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var stored = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{created["id"]!.GetValue<string>()}"), HttpStatusCode.OK);

        Assert.That(created.ToJsonString(), Is.EqualTo(stored.ToJsonString()));
    }

    [Test]
    public async Task WebhookBeforeTeleCmiAnswers_FindsTheStoredCall()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        Factory.Gateway.Answer = async request =>
        {
            // TeleCMI's first event overtakes its own HTTP answer.
            var hook = Webhooks.Event(request.CallId, null, "a", "started", "919100000001", extraAsString: true);
            var response = await Api.PostWebhookAsync(hook);
            var receipt = await TestApi.ReadAsync(response, HttpStatusCode.OK);
            Assert.That(receipt["result"]!.GetValue<string>(), Is.EqualTo("applied"));
            return new TeleCmi.Application.Common.Interfaces.ClickToCallResult.Accepted("req-early");
        };

        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);

        Assert.That(created["status"]!.GetValue<string>(), Is.EqualTo("ringing"));
    }

    [Test]
    public async Task WebhookMatchedOnlyByRequestId_IsAppliedWhenTheCallLearnsItsRequestId()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        Factory.Gateway.Answer = async _ =>
        {
            var hook = Webhooks.Event(null, "req-late-match", "a", "started", "919100000001");
            var receipt = await TestApi.ReadAsync(await Api.PostWebhookAsync(hook), HttpStatusCode.OK);
            Assert.That(receipt["result"]!.GetValue<string>(), Is.EqualTo("unmatched"));
            return new TeleCmi.Application.Common.Interfaces.ClickToCallResult.Accepted("req-late-match");
        };

        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);

        Assert.That(created["status"]!.GetValue<string>(), Is.EqualTo("ringing"), "the stored unmatched delivery was replayed");
    }

    [Test]
    public async Task ManualOnlyTelecaller_CannotPlaceTeleCmiCalls_ButCanLogManualOnes()
    {
        var (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await Api.NewDriverAsync();

        var refused = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Forbidden);
        Assert.That(refused["detail"]!.GetValue<string>(), Does.Contain("TeleCMI calling is not enabled"));
        Assert.That(Factory.Gateway.Requests, Is.Empty);

        var manual = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual",
            new { driverId, outcome = "busy", durationSeconds = 0, remarks = "Line busy" }), HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            Assert.That(manual["provider"]!.GetValue<string>(), Is.EqualTo("manual"));
            Assert.That(manual["status"]!.GetValue<string>(), Is.EqualTo("missed"));
            Assert.That(manual["outcome"]!.GetValue<string>(), Is.EqualTo("busy"));
            Assert.That(manual["agentId"]!.GetValue<int>(), Is.EqualTo(agentId));
        });
    }

    [Test]
    public async Task TeleCmiRefusal_Is502_AndTheLogIsFailedWithTheReason()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        Factory.Gateway.Answer = _ => Task.FromResult<TeleCmi.Application.Common.Interfaces.ClickToCallResult>(
            new TeleCmi.Application.Common.Interfaces.ClickToCallResult.Refused(404, "Invalid user"));

        var problem = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.BadGateway);
        var call = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{problem["callId"]!.GetValue<string>()}"), HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Invalid user"));
            Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(call["failureReason"]!.GetValue<string>(), Does.Contain("Invalid user"));
        });
    }

    [Test]
    public async Task TeleCmiTimeout_Is504WithRetryAfter_AndALaterWebhookMovesTheCallOn()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        Factory.Gateway.Answer = _ => Task.FromResult<TeleCmi.Application.Common.Interfaces.ClickToCallResult>(
            new TeleCmi.Application.Common.Interfaces.ClickToCallResult.Unconfirmed("timed out", TimeSpan.FromSeconds(20)));

        var response = await agent.PostAsJsonAsync("/api/calls", new { driverId });
        var problem = await TestApi.ReadAsync(response, HttpStatusCode.GatewayTimeout);
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(20)));
        var callId = problem["callId"]!.GetValue<string>();
        var failed = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);
        Assert.That(failed["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(failed["failureReason"]!.GetValue<string>(), Does.Contain("may still have been placed"));

        foreach (var hook in Webhooks.HappyPath(callId, "req-x", "919876543210", talkSeconds: 30, recording: null))
            await Api.PostWebhookAsync(hook);

        var later = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);
        Assert.That(later["status"]!.GetValue<string>(), Is.EqualTo("completed"));
    }

    [Test]
    public async Task CallsToAnotherNumber_UseThePhoneGiven_NormalisedToE164()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();

        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId, phone = "+91 91234-56789" }), HttpStatusCode.Created);

        Assert.That(created["driverPhone"]!.GetValue<string>(), Is.EqualTo("+919123456789"));
        Assert.That(Factory.Gateway.Requests.Single().ToDigits, Is.EqualTo("919123456789"));
    }

    [Test]
    public async Task UnknownDriver_Is404()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);

        await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = "NO-SUCH-DRIVER" }), HttpStatusCode.NotFound);

        Assert.That(Factory.Gateway.Requests, Is.Empty);
    }

    [Test]
    public async Task MissedByDriver_IsReportedAsMissedWithTheDriverNamed()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();

        await Api.PostWebhookAsync(Webhooks.Event(callId, null, "a", "started", "919100000001"));
        await Api.PostWebhookAsync(Webhooks.Event(callId, null, "a", "answered", "919100000001"));
        await Api.PostWebhookAsync(Webhooks.Event(callId, null, "b", "started", "919876543210"));
        await Api.PostWebhookAsync(Webhooks.Cdr(callId, null, "b", "missed", "919876543210", 0, "recv_cancel", null));

        var call = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);
        Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("missed"));
        Assert.That(call["missedBy"]!.GetValue<string>(), Is.EqualTo("driver"));
    }
}
