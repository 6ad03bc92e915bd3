using System.Net;
using System.Net.Http.Json;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>Who may see and change which calls; the caller is always the signed-in agent.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class AccessControlTests(DatabaseEngine engine) : ApiFixture(engine)
{
    [TestCase("GET", "/api/calls")]
    [TestCase("GET", "/api/calls/call_x")]
    [TestCase("POST", "/api/calls")]
    [TestCase("POST", "/api/calls/manual")]
    [TestCase("PUT", "/api/calls/call_x/feedback")]
    [TestCase("GET", "/api/calls/call_x/recording")]
    [TestCase("GET", "/api/calls/export")]
    [TestCase("GET", "/api/follow-ups")]
    [TestCase("GET", "/api/reports/daily")]
    [TestCase("GET", "/api/reports/agents")]
    [TestCase("GET", "/api/reports/summary")]
    [TestCase("GET", "/api/agents")]
    [TestCase("POST", "/api/agents")]
    [TestCase("PATCH", "/api/agents/1")]
    [TestCase("GET", "/api/drivers")]
    [TestCase("POST", "/api/drivers")]
    [TestCase("GET", "/api/drivers/DRV-1")]
    [TestCase("PUT", "/api/drivers/DRV-1")]
    [TestCase("POST", "/api/drivers/import")]
    public async Task WithoutAToken_EveryEndpointIs401Problem(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = JsonContent.Create(new { });

        var response = await Api.Anonymous().SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task ATamperedToken_Is401()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var token = agent.DefaultRequestHeaders.Authorization!.Parameter!;
        var parts = token.Split('.');
        var forged = parts[0] + "." + parts[1].Replace(parts[1][5], parts[1][5] == 'A' ? 'B' : 'A') + "." + parts[2];
        var client = Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", forged);

        Assert.That((await client.GetAsync("/api/calls")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task WrongPassword_AndUnknownUser_GetTheSame401()
    {
        var client = Api.Anonymous();

        var wrongPassword = await TestApi.ReadAsync(await client.PostAsJsonAsync("/api/auth/token",
            new { username = TeleCmiApiFactory.AdminUsername, password = "nope-nope" }), HttpStatusCode.Unauthorized);
        var unknownUser = await TestApi.ReadAsync(await client.PostAsJsonAsync("/api/auth/token",
            new { username = "nobody-here", password = "nope-nope" }), HttpStatusCode.Unauthorized);

        Assert.That(wrongPassword["detail"]!.GetValue<string>(), Is.EqualTo(unknownUser["detail"]!.GetValue<string>()));
    }

    [Test]
    public async Task AnotherTelecallersCall_IsNotFound_ForReadUpdateAndList()
    {
        var (alice, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (bob, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        var created = await TestApi.ReadAsync(await alice.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        var before = await DatabaseSnapshot.TakeAsync(Factory);

        Assert.That((await bob.GetAsync($"/api/calls/{callId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await bob.PutAsJsonAsync($"/api/calls/{callId}/feedback", new { outcome = "busy" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await bob.GetAsync($"/api/calls/{callId}/recording")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var bobsList = await TestApi.ReadAsync(await bob.GetAsync("/api/calls"), HttpStatusCode.OK);
        Assert.That(bobsList["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Not.Contain(callId));
        var bobsFilteredList = await TestApi.ReadAsync(await bob.GetAsync($"/api/calls?agentId={created["agentId"]}"), HttpStatusCode.OK);
        Assert.That(bobsFilteredList["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Not.Contain(callId));
        Assert.That(await DatabaseSnapshot.TakeAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task SupervisorsSeeEveryCall_AndMayFilterByAgent()
    {
        var (alice, aliceId) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        var driverId = await Api.NewDriverAsync();
        var created = await TestApi.ReadAsync(await alice.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected" }), HttpStatusCode.Created);

        var list = await TestApi.ReadAsync(await supervisor.GetAsync($"/api/calls?agentId={aliceId}"), HttpStatusCode.OK);

        Assert.That(list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { created["id"]!.GetValue<string>() }));
        Assert.That((await supervisor.GetAsync($"/api/calls/{created["id"]}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ABodyNamingAnotherCaller_ChangesNothing_TheCallerIsTheSignedInAgent()
    {
        var (alice, aliceId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (_, bobId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();

        var created = await TestApi.ReadAsync(await alice.PostAsJsonAsync("/api/calls",
            new { driverId, callerId = bobId, agentId = bobId, caller_id = bobId }), HttpStatusCode.Created);

        Assert.That(created["agentId"]!.GetValue<int>(), Is.EqualTo(aliceId));
        Assert.That(Factory.Gateway.Requests.Single().UserId, Does.StartWith((5000 + 0).ToString()[..1]));
    }

    [Test]
    public async Task FeedbackTryingToSetStatusOrAgent_Is400_AndChangesNothing()
    {
        var (alice, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await Api.NewDriverAsync();
        var created = await TestApi.ReadAsync(await alice.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected" }), HttpStatusCode.Created);
        var before = await DatabaseSnapshot.TakeAsync(Factory);

        var problem = await TestApi.ReadAsync(await alice.PutAsJsonAsync($"/api/calls/{created["id"]}/feedback",
            new { outcome = "interested", status = "completed", agentId = 99 }), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "status", "agentId" }));
        Assert.That(await DatabaseSnapshot.TakeAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task OnlyAdmins_ManageAgentsAndDrivers()
    {
        var (telecaller, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);

        foreach (var client in new[] { telecaller, supervisor })
        {
            Assert.That((await client.GetAsync("/api/agents")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await client.PostAsJsonAsync("/api/drivers", new { id = "X1", name = "X", phone = "9876543210" })).StatusCode,
                Is.EqualTo(HttpStatusCode.Forbidden));
        }
        Assert.That((await telecaller.GetAsync("/api/drivers?search=Ramesh")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ADisabledAgentsToken_StopsWorking()
    {
        var (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        Assert.That((await agent.GetAsync("/api/calls")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var admin = await Api.AdminAsync();
        Assert.That((await admin.PatchAsJsonAsync($"/api/agents/{agentId}", new { isActive = false })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await agent.GetAsync("/api/calls")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
