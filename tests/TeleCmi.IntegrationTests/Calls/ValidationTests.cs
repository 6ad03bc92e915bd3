using System.Net;
using System.Net.Http.Json;
using System.Text;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>Every validation rule answers 400 naming the field, and the database is unchanged afterwards.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class ValidationTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private HttpClient agent = null!;
    private string driverId = null!;
    private string callId = null!;

    [OneTimeSetUp]
    public async Task CreateAgentDriverAndCallAsync()
    {
        (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        driverId = await Api.NewDriverAsync();
        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected" }), HttpStatusCode.Created);
        callId = created["id"]!.GetValue<string>();
    }

    private static IEnumerable<TestCaseData> InvalidRequests()
    {
        string D(string s) => s; // readability in the table below
        yield return new TestCaseData("POST", "/api/calls", "{\"driverId\":\"\"}", "driverId").SetName("InitiateCall_EmptyDriverId");
        yield return new TestCaseData("POST", "/api/calls", "{\"driverId\":\"{driver}\",\"phone\":\"12345\"}", "phone").SetName("InitiateCall_InvalidPhone");
        yield return new TestCaseData("POST", "/api/calls", "{\"driverId\":\"{driver}\",\"phone\":\"123456789012345678901234567890\"}", "phone").SetName("InitiateCall_ThirtyDigitPhone");
        yield return new TestCaseData("POST", "/api/calls", "{\"driverId\":\"{driver}\",\"phone\":\"98765abcde\"}", "phone").SetName("InitiateCall_LettersInPhone");
        yield return new TestCaseData("POST", "/api/calls", "{\"driverId\":" + D("\"" + new string('x', 51) + "\"") + "}", "driverId").SetName("InitiateCall_DriverIdTooLong");
        yield return new TestCaseData("POST", "/api/calls/manual", "{\"driverId\":\"{driver}\",\"outcome\":\"maybe\"}", "outcome").SetName("ManualCall_UnknownOutcome");
        yield return new TestCaseData("POST", "/api/calls/manual", "{\"driverId\":\"{driver}\",\"outcome\":\"busy\",\"durationSeconds\":-1}", "durationSeconds").SetName("ManualCall_NegativeDuration");
        yield return new TestCaseData("POST", "/api/calls/manual", "{\"driverId\":\"{driver}\",\"outcome\":\"busy\",\"durationSeconds\":86401}", "durationSeconds").SetName("ManualCall_DurationOverADay");
        yield return new TestCaseData("POST", "/api/calls/manual", "{\"driverId\":\"{driver}\",\"outcome\":\"busy\",\"followUpAt\":\"2001-01-01T00:00:00Z\"}", "followUpAt").SetName("ManualCall_FollowUpInThePast");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"busy\",\"feedback\":\"" + new string('f', 201) + "\"}", "feedback").SetName("Feedback_TooLong");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"busy\",\"remarks\":\"" + new string('r', 2001) + "\"}", "remarks").SetName("Feedback_RemarksTooLong");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"busy\",\"notes\":\"" + new string('n', 2001) + "\"}", "notes").SetName("Feedback_NotesTooLong");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"busy\",\"durationSeconds\":86401}", "durationSeconds").SetName("Feedback_DurationTooLong");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"busy\",\"durationSeconds\":-5}", "durationSeconds").SetName("Feedback_NegativeDuration");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"busy\",\"followUpAt\":\"2001-01-01T00:00:00Z\"}", "followUpAt").SetName("Feedback_FollowUpInThePast");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"teleported\"}", "outcome").SetName("Feedback_UnknownOutcome");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"busy\",\"durationSeconds\":\"ten\"}", "durationSeconds").SetName("Feedback_DurationWrongType");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"busy\",\"provider\":\"manual\"}", "provider").SetName("Feedback_SetsProvider");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"busy\",\"driverId\":\"other\"}", "driverId").SetName("Feedback_SetsDriver");
        yield return new TestCaseData("GET", "/api/calls?limit=0", null, "limit").SetName("List_LimitZero");
        yield return new TestCaseData("GET", "/api/calls?limit=201", null, "limit").SetName("List_LimitTooLarge");
        yield return new TestCaseData("GET", "/api/calls?offset=-1", null, "offset").SetName("List_NegativeOffset");
        yield return new TestCaseData("GET", "/api/calls?status=sideways", null, "status").SetName("List_UnknownStatus");
        yield return new TestCaseData("GET", "/api/calls?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", null, "to").SetName("List_ToBeforeFrom");
        yield return new TestCaseData("POST", "/api/calls/manual", "{\"driverId\": \"{driver}\", \"outcome\": ", "outcome").SetName("MalformedJson");
        yield return new TestCaseData("POST", "/api/calls/manual", "{\"driverId\":\"{driver}\"}", "outcome").SetName("ManualCall_MissingOutcome");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"remarks\":\"no outcome\"}", "outcome").SetName("Feedback_MissingOutcome");
        yield return new TestCaseData("PUT", "/api/calls/{call}/feedback", "{\"outcome\":\"busy\",\"durationSeconds\":99999999999999999999}", "durationSeconds").SetName("Feedback_HugeNumber");
        yield return new TestCaseData("POST", "/api/calls", "{\"driverId\":12345}", "driverId").SetName("InitiateCall_DriverIdWrongType");
        yield return new TestCaseData("POST", "/api/calls", "[1,2,3]", "body").SetName("InitiateCall_ArrayBody");
    }

    [TestCaseSource(nameof(InvalidRequests))]
    public async Task InvalidInput_Is400NamingTheField_AndChangesNothing(string method, string path, string? body, string field)
    {
        var before = await DatabaseSnapshot.TakeAsync(Factory);
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{call}", callId));
        if (body is not null) request.Content = new StringContent(body.Replace("{driver}", driverId), Encoding.UTF8, "application/json");

        var response = await agent.SendAsync(request);
        var problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key.TrimStart('$', '.')), Has.Some.EqualTo(field.TrimStart('$', '.')).IgnoreCase,
            problem.ToJsonString());
        Assert.That(problem.ToJsonString(), Does.Not.Contain("TeleCmi.").And.Not.Contain("   at "), "no internals leak");
        Assert.That(await DatabaseSnapshot.TakeAsync(Factory), Is.EqualTo(before));
        Assert.That(Factory.Gateway.Requests, Is.Empty, "TeleCMI is never asked for an invalid request");
    }

    [Test]
    public async Task WebhookWithAWrongOrMissingToken_Is401_AndStoresNothing()
    {
        var before = await DatabaseSnapshot.TakeAsync(Factory);
        var hook = Webhooks.Event(callId, null, "a", "started", "919100000001");

        Assert.That((await Api.PostWebhookAsync(hook, token: "wrong")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Api.PostWebhookAsync(hook, token: null)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await DatabaseSnapshot.TakeAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task WebhookThatIsNotJson_Is400_AndStoresNothing()
    {
        var before = await DatabaseSnapshot.TakeAsync(Factory);

        var response = await Api.PostRawWebhookAsync("this is not json", mediaType: "text/plain");

        await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.That(await DatabaseSnapshot.TakeAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task UnmatchedWebhookWithUnknownStatus_Is200_AndStoredRaw()
    {
        var hook = Webhooks.Event(null, "req-nobody-knows", "a", "teleported", "919100000001");

        var receipt = await TestApi.ReadAsync(await Api.PostWebhookAsync(hook), HttpStatusCode.OK);

        Assert.That(receipt["result"]!.GetValue<string>(), Is.EqualTo("unmatched"));
        Assert.That(await DatabaseSnapshot.TakeAsync(Factory), Does.Contain("teleported"));
    }
}
