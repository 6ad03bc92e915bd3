using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.IntegrationTests.Support;
using static TeleCmi.IntegrationTests.Compatibility.SeedClient;

namespace TeleCmi.IntegrationTests.Compatibility;

/// <summary>
/// The seed's routes with the seed app's exact bodies: the seed's envelope, HTTP 200 only on success, the real status
/// otherwise, and the same rules as the new API (sign-in, the caller is the signed-in agent, validation, Idempotency-Key).
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class SeedRouteTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private SeedClient Seed => new(Api);

    [Test]
    public async Task ClickToCall_WithTheSeedsBody_Is200_WithTheEnvelopeAndReferenceId_AndDialsOnce()
    {
        var (client, callerId, agentId, _) = await Seed.NewCallerAsync();
        var driverId = await Api.NewDriverAsync(phone: "9876500000");

        var response = await ClickToCallAsync(client, callerId, driverId, "919876543210");
        var envelope = await SuccessAsync(response);

        var data = envelope["data"]!.AsObject();
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"driver_mobile\":\"+919876543210\""), "written as PHP wrote it");
        var referenceId = data["reference_id"]!.GetValue<string>();
        var call = await TestApi.ReadAsync(await client.GetAsync($"/api/calls/{referenceId}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(data["call_id"]!.GetValue<string>(), Is.EqualTo(referenceId));
            Assert.That(data["request_id"]!.GetValue<string>(), Is.EqualTo(referenceId));
            Assert.That(data["status"]!.GetValue<string>(), Is.EqualTo("initiated"));
            Assert.That(data["driver_id"]!.GetValue<string>(), Is.EqualTo(driverId));
            Assert.That(data["driver_name"]!.GetValue<string>(), Is.EqualTo("Ramesh Yadav"));
            Assert.That(data["driver_mobile"]!.GetValue<string>(), Is.EqualTo("+919876543210"), "the number sent, in E.164");
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1), "one dial");
            Assert.That(Factory.Gateway.Requests.Single().ToDigits, Is.EqualTo("919876543210"), "the number the app sent, not the one on record");
            Assert.That(Factory.Gateway.Requests.Single().CallId, Is.EqualTo(referenceId));
            Assert.That(call["agentId"]!.GetValue<int>(), Is.EqualTo(agentId), "the caller is the signed-in agent");
            Assert.That(call["driverPhone"]!.GetValue<string>(), Is.EqualTo("+919876543210"));
        });
    }

    [TestCase("9876543210")]
    [TestCase("+91 98765 43210")]
    [TestCase("919876543210")]
    public async Task ClickToCall_ForADriverUnknownHere_AddsThemFromTheAppsFields_AndDials(string mobile)
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();
        var driverId = "driver_" + Guid.NewGuid().ToString("N")[..10];

        // caller_id as a string this time: the app has sent both.
        var envelope = await SuccessAsync(await ClickToCallAsync(client, callerId.ToString(), driverId, mobile));

        var admin = await Api.AdminAsync();
        var driver = await TestApi.ReadAsync(await admin.GetAsync($"/api/drivers/{driverId}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(envelope["data"]!["driver_name"]!.GetValue<string>(), Is.EqualTo($"Driver {driverId}"));
            Assert.That(driver["phone"]!.GetValue<string>(), Is.EqualTo("+919876543210"));
            Assert.That(driver["name"]!.GetValue<string>(), Is.EqualTo($"Driver {driverId}"));
            Assert.That(Factory.Gateway.Requests.Single().ToDigits, Is.EqualTo("919876543210"));
        });
    }

    [Test]
    public async Task ClickToCall_WithTheDriverMobileAsANumber_IsRead()
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();

        await SuccessAsync(await ClickToCallAsync(client, callerId, "driver_" + Guid.NewGuid().ToString("N")[..10], 919876543210));

        Assert.That(Factory.Gateway.Requests.Single().ToDigits, Is.EqualTo("919876543210"));
    }

    [Test]
    public async Task ClickToCall_WithAnotherAgentsCallerId_Is403Envelope_AndNothingIsDialledOrStored()
    {
        var (client, _, agentId, _) = await Seed.NewCallerAsync();
        var (_, otherCallerId, _, _) = await Seed.NewCallerAsync();
        var driverId = "driver_" + Guid.NewGuid().ToString("N")[..10];

        var envelope = await FailureAsync(await ClickToCallAsync(client, otherCallerId, driverId, "919876543210"), HttpStatusCode.Forbidden);

        var admin = await Api.AdminAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(envelope["error"]!.GetValue<string>(), Does.Contain(otherCallerId.ToString()));
            Assert.That(Factory.Gateway.Requests, Is.Empty);
            Assert.That((await admin.GetAsync($"/api/drivers/{driverId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no driver added");
            var calls = await admin.GetFromJsonAsync<JsonObject>($"/api/calls?agentId={agentId}");
            Assert.That(calls!["total"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task ClickToCall_ByAnAgentWithoutAPlatformId_Is403Envelope()
    {
        var (client, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);

        var envelope = await FailureAsync(await ClickToCallAsync(client, 3, "driver_123", "919876543210"), HttpStatusCode.Forbidden);

        Assert.That(envelope["error"]!.GetValue<string>(), Does.Contain("externalId"));
        Assert.That(Factory.Gateway.Requests, Is.Empty);
    }

    [Test]
    public async Task ClickToCall_ByAnAgentWithoutTeleCmiRights_Is403Envelope_AndAddsNoDriver()
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync(teleCmi: false);
        var driverId = "driver_" + Guid.NewGuid().ToString("N")[..10];

        await FailureAsync(await ClickToCallAsync(client, callerId, driverId, "919876543210"), HttpStatusCode.Forbidden);

        var admin = await Api.AdminAsync();
        Assert.That((await admin.GetAsync($"/api/drivers/{driverId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Factory.Gateway.Requests, Is.Empty);
    }

    [TestCase("click_to_call", "POST")]
    [TestCase("update_feedback", "POST")]
    [TestCase("get_call_logs", "GET")]
    public async Task WithoutAToken_Is401Envelope(string action, string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), $"{Url}?action={action}&caller_id=3&limit=50");
        if (method == "POST") request.Content = JsonContent.Create(new { caller_id = 3, driver_id = "driver_123", driver_mobile = "919876543210" });

        var response = await Api.Anonymous().SendAsync(request);

        var envelope = await FailureAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(envelope["error"]!.GetValue<string>(), Does.Contain("Authorization: Bearer"));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
        Assert.That(Factory.Gateway.Requests, Is.Empty);
    }

    [Test]
    public async Task ClickToCall_ReplayedWithTheSameIdempotencyKey_DialsOnce_AndAnswersTheSameReferenceId()
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();
        var driverId = "driver_" + Guid.NewGuid().ToString("N")[..10];
        var key = Guid.NewGuid().ToString();

        var first = await SuccessAsync(await ClickToCallAsync(client, callerId, driverId, "919876543210", key));
        var replay = await ClickToCallAsync(client, callerId, driverId, "919876543210", key);
        var second = await SuccessAsync(replay);

        Assert.Multiple(() =>
        {
            Assert.That(second["data"]!["reference_id"]!.GetValue<string>(), Is.EqualTo(first["data"]!["reference_id"]!.GetValue<string>()));
            Assert.That(replay.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1), "one dial");
        });
    }

    [Test]
    public async Task ClickToCall_SameIdempotencyKeyWithAnotherBody_Is422Envelope()
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();
        var key = Guid.NewGuid().ToString();
        await SuccessAsync(await ClickToCallAsync(client, callerId, "driver_" + Guid.NewGuid().ToString("N")[..10], "919876543210", key));

        await FailureAsync(await ClickToCallAsync(client, callerId, "driver_" + Guid.NewGuid().ToString("N")[..10], "919876543210", key),
            HttpStatusCode.UnprocessableEntity);

        Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ClickToCall_WhenTeleCmiRefuses_Is502Envelope_NamingTheStoredCall()
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();
        Factory.Gateway.Answer = _ => Task.FromResult<ClickToCallResult>(new ClickToCallResult.Refused(404, "Invalid user"));

        var envelope = await FailureAsync(await ClickToCallAsync(client, callerId, "driver_" + Guid.NewGuid().ToString("N")[..10], "919876543210"),
            HttpStatusCode.BadGateway);

        var call = await TestApi.ReadAsync(await client.GetAsync($"/api/calls/{envelope["reference_id"]!.GetValue<string>()}"), HttpStatusCode.OK);
        Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("failed"));
    }

    [TestCase("12345", HttpStatusCode.BadRequest)]
    [TestCase("+1 212 555 0100", HttpStatusCode.UnprocessableEntity)]
    public async Task ClickToCall_WithANumberThatCannotBeDialled_NamesDriverMobile_NotPhone(string mobile, HttpStatusCode expected)
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();

        var envelope = await FailureAsync(await ClickToCallAsync(client, callerId, await Api.NewDriverAsync(), mobile), expected);

        var errors = envelope["errors"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "driver_mobile" }));
            Assert.That(envelope["error"]!.GetValue<string>(), Does.StartWith("driver_mobile:"));
            Assert.That(envelope.ToJsonString(), Does.Not.Contain("\"phone\""));
            Assert.That(Factory.Gateway.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task ClickToCall_WithoutDriverId_Is400Envelope_NamingDriverId()
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();

        var envelope = await FailureAsync(await PostAsync(client, "click_to_call", new { caller_id = callerId, driver_mobile = "919876543210" }),
            HttpStatusCode.BadRequest);

        Assert.That(envelope["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "driver_id" }));
    }

    [Test]
    public async Task ClickToCall_WithoutCallerId_Is400Envelope_NamingCallerId()
    {
        var (client, _, _, _) = await Seed.NewCallerAsync();

        var envelope = await FailureAsync(await PostAsync(client, "click_to_call", new { driver_id = "driver_123", driver_mobile = "919876543210" }),
            HttpStatusCode.BadRequest);

        Assert.That(envelope["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "caller_id" }));
    }

    [Test]
    public async Task ClickToCall_ToADriverAlreadyBeingCalled_Is409Envelope_NamingTheLiveCall()
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();
        var driverId = await Api.NewDriverAsync();
        var first = await NewCallAsync(client, callerId, driverId);

        var envelope = await FailureAsync(await ClickToCallAsync(client, callerId, driverId, "919876543210"), HttpStatusCode.Conflict);

        Assert.That(envelope["reference_id"]!.GetValue<string>(), Is.EqualTo(first));
    }

    [TestCase("completed", "connected")]
    [TestCase("connected", "connected")]
    [TestCase("answered", "connected")]
    [TestCase("not_reachable", "not_reachable")]
    [TestCase("no_answer", "not_reachable")]
    [TestCase("not_answered", "not_reachable")]
    [TestCase("busy", "busy")]
    [TestCase("invalid", "wrong_number")]
    [TestCase("invalid_number", "wrong_number")]
    [TestCase("wrong_number", "wrong_number")]
    [TestCase("callback", "call_back_later")]
    [TestCase("callback_later", "call_back_later")]
    [TestCase("call_back", "call_back_later")]
    [TestCase("call_back_later", "call_back_later")]
    [TestCase("interested", "interested")]
    [TestCase("not_interested", "not_interested")]
    [TestCase("other", "other")]
    [TestCase("Not Reachable", "not_reachable")]
    [TestCase(null, "connected")]
    public async Task UpdateFeedback_WithTheSeedsBody_StoresTheOutcomeTheStatusWordMapsTo(string? status, string outcome)
    {
        var (client, callerId, _, phone) = await Seed.NewCallerAsync();
        var referenceId = await NewCallAsync(client, callerId);
        var body = new Dictionary<string, object?>
        {
            ["reference_id"] = referenceId, ["feedback"] = "Interested", ["remarks"] = "Driver wants more details", ["call_duration"] = 120,
        };
        if (status is not null) body["status"] = status;

        var envelope = await SuccessAsync(await PostAsync(client, "update_feedback", body));

        var row = envelope["data"]!.AsObject();
        var call = await TestApi.ReadAsync(await client.GetAsync($"/api/calls/{referenceId}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(call["outcome"]!.GetValue<string>(), Is.EqualTo(outcome), "stored");
            Assert.That(call["feedback"]!.GetValue<string>(), Is.EqualTo("Interested"));
            Assert.That(call["remarks"]!.GetValue<string>(), Is.EqualTo("Driver wants more details"));
            Assert.That(call["durationSeconds"]!.GetValue<int>(), Is.EqualTo(120));
            Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("initiated"), "TeleCMI's status is TeleCMI's");
            Assert.That(row["reference_id"]!.GetValue<string>(), Is.EqualTo(referenceId));
            Assert.That(row["outcome"]!.GetValue<string>(), Is.EqualTo(outcome));
            Assert.That(row["call_duration"]!.GetValue<int>(), Is.EqualTo(120));
            Assert.That(row["caller_id"]!.GetValue<long>(), Is.EqualTo(callerId));
            Assert.That(row["caller_number"]!.GetValue<string>(), Is.EqualTo(phone));
        });
    }

    [TestCase("pending")]
    [TestCase("maybe")]
    public async Task UpdateFeedback_WithAWordThatIsNoOutcome_Is400Envelope_NamingStatus(string status)
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();
        var referenceId = await NewCallAsync(client, callerId);

        var envelope = await FailureAsync(await PostAsync(client, "update_feedback", new { reference_id = referenceId, status }), HttpStatusCode.BadRequest);

        Assert.That(envelope["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "status" }));
        var call = await TestApi.ReadAsync(await client.GetAsync($"/api/calls/{referenceId}"), HttpStatusCode.OK);
        Assert.That(call["outcome"], Is.Null);
    }

    [Test]
    public async Task UpdateFeedback_WithBadFields_Is400Envelope_NamingTheSeedsFields()
    {
        var (client, _, _, _) = await Seed.NewCallerAsync();

        var envelope = await FailureAsync(await PostAsync(client, "update_feedback", new { status = "busy", call_duration = -5 }), HttpStatusCode.BadRequest);

        Assert.That(envelope["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "reference_id", "call_duration" }));
    }

    [Test]
    public async Task UpdateFeedback_OnAnotherTelecallersCall_Is404Envelope()
    {
        var (owner, ownerCallerId, _, _) = await Seed.NewCallerAsync();
        var (other, _, _, _) = await Seed.NewCallerAsync();
        var referenceId = await NewCallAsync(owner, ownerCallerId);

        await FailureAsync(await PostAsync(other, "update_feedback", new { reference_id = referenceId, status = "busy" }), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task GetCallLogs_ReturnsTheAgentsTeleCmiCalls_InTheSeedsRowShape_NewestFirst_WithinLimit()
    {
        var (client, callerId, _, phone) = await Seed.NewCallerAsync();
        var (otherClient, otherCallerId, _, _) = await Seed.NewCallerAsync();
        var driverId = await Api.NewDriverAsync();
        var oldest = await NewCallAsync(client, callerId, driverId);
        await SuccessAsync(await PostAsync(client, "update_feedback", new { reference_id = oldest, status = "callback_later", feedback = "Call after 6" }));
        var middle = await NewCallAsync(client, callerId);
        var newest = await NewCallAsync(client, callerId);
        await NewCallAsync(otherClient, otherCallerId);
        await client.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "busy" });

        var page = (await SuccessAsync(await client.GetAsync($"{Url}?action=get_call_logs&caller_id={callerId}&limit=2")))["data"]!.AsObject();
        var next = (await SuccessAsync(await client.GetAsync($"{Url}?action=get_call_logs&caller_id={callerId}&limit=2&offset=2")))["data"]!.AsObject();

        var rows = page["call_logs"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var last = next["call_logs"]!.AsArray().Single()!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r["reference_id"]!.GetValue<string>()), Is.EqualTo(new[] { newest, middle }));
            Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(3), "TeleCMI calls only, the agent's own");
            Assert.That(page["limit"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(page["offset"]!.GetValue<int>(), Is.Zero);
            Assert.That(last["reference_id"]!.GetValue<string>(), Is.EqualTo(oldest));
            Assert.That(last["call_status"]!.GetValue<string>(), Is.EqualTo("callback_later"));
            Assert.That(last["outcome"]!.GetValue<string>(), Is.EqualTo("call_back_later"));
            Assert.That(last["feedback"]!.GetValue<string>(), Is.EqualTo("Call after 6"));
            Assert.That(last["user_id"]!.GetValue<string>(), Is.EqualTo(driverId));
            Assert.That(last["driver_name"]!.GetValue<string>(), Is.EqualTo("Ramesh Yadav"));
            var row = rows[0];
            Assert.That(row["id"]!.GetValue<string>(), Is.EqualTo(newest));
            Assert.That(row["caller_id"]!.GetValue<long>(), Is.EqualTo(callerId));
            Assert.That(row["tc_for"]!.GetValue<string>(), Is.EqualTo("TeleCMI"));
            Assert.That(row["call_status"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(row["telecmi_status"]!.GetValue<string>(), Is.EqualTo("initiated"));
            Assert.That(row["call_duration"]!.GetValue<int>(), Is.Zero);
            Assert.That(row["caller_number"]!.GetValue<string>(), Is.EqualTo(phone));
            Assert.That(row["user_number"]!.GetValue<string>(), Is.EqualTo("+919876543210"));
            Assert.That(row["created_at"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(row.ContainsKey("call_time") && row.ContainsKey("recording_url") && row.ContainsKey("call_end_time"), Is.True);
        });
    }

    [Test]
    public async Task GetCallLogs_WithAnotherAgentsCallerId_Is403Envelope()
    {
        var (client, _, _, _) = await Seed.NewCallerAsync();
        var (_, otherCallerId, _, _) = await Seed.NewCallerAsync();

        await FailureAsync(await client.GetAsync($"{Url}?action=get_call_logs&caller_id={otherCallerId}&limit=50"), HttpStatusCode.Forbidden);
    }

    [TestCase("&limit=500", "limit")]
    [TestCase("&limit=ten", "limit")]
    [TestCase("", "caller_id")]
    public async Task GetCallLogs_WithBadParameters_Is400Envelope_NamingThem(string query, string field)
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();
        var callerPart = field == "caller_id" ? "" : $"&caller_id={callerId}";

        var envelope = await FailureAsync(await client.GetAsync($"{Url}?action=get_call_logs{callerPart}{query}"), HttpStatusCode.BadRequest);

        Assert.That(envelope["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Webhook_WithTheWebhookToken_IsHandledAsOurs()
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();
        var referenceId = await NewCallAsync(client, callerId);
        var hook = System.Text.Json.JsonSerializer.Serialize(Webhooks.Event(referenceId, null, "a", "started", "919100000001"));

        var envelope = await SuccessAsync(await PostRawAsync(Api.Anonymous(), $"webhook&token={TeleCmiApiFactory.WebhookToken}", hook));

        var call = await TestApi.ReadAsync(await client.GetAsync($"/api/calls/{referenceId}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(envelope["data"]!["result"]!.GetValue<string>(), Is.EqualTo("applied"));
            Assert.That(envelope["data"]!["reference_id"]!.GetValue<string>(), Is.EqualTo(referenceId));
            Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("ringing"));
        });
    }

    [TestCase(null)]
    [TestCase("wrong-token-0123456789-abcdef")]
    public async Task Webhook_WithoutTheWebhookToken_Is401Envelope_AndChangesNothing(string? token)
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();
        var referenceId = await NewCallAsync(client, callerId);
        var hook = System.Text.Json.JsonSerializer.Serialize(Webhooks.Event(referenceId, null, "a", "started", "919100000001"));
        var action = token is null ? "webhook" : $"webhook&token={token}";

        // A Bearer token is no webhook token: the app's sign-in does not open the webhook.
        await FailureAsync(await PostRawAsync(client, action, hook), HttpStatusCode.Unauthorized);

        var call = await TestApi.ReadAsync(await client.GetAsync($"/api/calls/{referenceId}"), HttpStatusCode.OK);
        Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("initiated"));
    }

    [TestCase("POST", "?action=dial")]
    [TestCase("POST", "")]
    [TestCase("GET", "?action=click_to_call")]
    [TestCase("POST", "?action=CLICK_TO_CALL")]
    public async Task AnUnknownAction_Is404Envelope_ListingTheActions(string method, string query)
    {
        var (client, callerId, _, _) = await Seed.NewCallerAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), Url + query);
        if (method == "POST") request.Content = JsonContent.Create(new { caller_id = callerId, driver_id = "driver_123", driver_mobile = "919876543210" });

        var envelope = await FailureAsync(await client.SendAsync(request), HttpStatusCode.NotFound);

        Assert.That(envelope["error"]!.GetValue<string>(), Does.Contain("Invalid action").And.Contain("click_to_call"));
        Assert.That(Factory.Gateway.Requests, Is.Empty);
    }

    [Test]
    public async Task ABodyThatIsNotJson_Is400Envelope()
    {
        var (client, _, _, _) = await Seed.NewCallerAsync();

        await FailureAsync(await PostRawAsync(client, "click_to_call", "caller_id=3"), HttpStatusCode.BadRequest);
    }
}
