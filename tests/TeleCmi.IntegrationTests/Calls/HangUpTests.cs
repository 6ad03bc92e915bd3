using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.Infrastructure.Seeding;
using TeleCmi.IntegrationTests.Gateway.Support;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// <c>POST /api/calls/{id}/hangup</c> through HTTP, on each engine, against the TeleCMI stand-in the service hosts in
/// Development: the gateway logs in as the call's agent and asks the stand-in to end the call, whose CDRs then end it.
/// Calls to numbers ending in 0008 talk until they are hung up.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class HangUpTests(DatabaseEngine engine)
{
    private const string Login = "/v2/user/login";
    private const string HangUpPath = "/v2/c2c/hangup";
    private const string HeldNumber = "+919876500008";

    private SimulatedApp app = null!;
    private CallsApi asha = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        app = new SimulatedApp(database: TestDatabase.Create(engine));
        asha = await CallsApi.SignInAsync(app.Start());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        asha?.Http.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Test]
    public async Task LiveCall_HangUp_Is202_AndTheCallEndsWithTheStatusTheStandInsWebhooksGive()
    {
        var callId = await PlaceTalkingCallAsync(asha, "DRV-1001");

        using var response = await asha.Http.PostAsync($"/api/calls/{callId}/hangup", null);
        var accepted = await CallsApi.ReadAsync(response, HttpStatusCode.Accepted);

        Assert.Multiple(() =>
        {
            Assert.That(accepted["id"]!.GetValue<string>(), Is.EqualTo(callId));
            Assert.That(accepted["status"]!.GetValue<string>(), Is.EqualTo("answered"), "the hang-up request itself changes no status");
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith($"/api/calls/{callId}"));
        });
        var ended = await asha.WaitForStatusAsync(callId, "completed");
        Assert.Multiple(() =>
        {
            Assert.That(ended["durationSeconds"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(ended["hasRecording"]!.GetValue<bool>(), Is.True);
            Assert.That(ended["hangupReason"]!.GetValue<string>(), Is.EqualTo("sent_bye"), "ended by TeleCMI on our request, not by the driver");
            Assert.That(app.TeleCmiRequests.Bodies(HangUpPath).Select(b => b["cmiuuid"]!.GetValue<string>()),
                Does.Contain(accepted["agentLegId"]!.GetValue<string>()), "TeleCMI is given the agent leg's cmiuuid");
        });
    }

    [Test]
    public async Task FinishedCall_HangUp_Is409()
    {
        var created = await CallsApi.ReadAsync(await asha.PlaceAsync("DRV-1002"), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        await asha.WaitForStatusAsync(callId, "completed");
        var hangUpsBefore = app.TeleCmiRequests.Count(HangUpPath);

        var problem = await CallsApi.ReadAsync(await asha.Http.PostAsync($"/api/calls/{callId}/hangup", null), HttpStatusCode.Conflict);

        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("not live").And.Contain("completed"));
        Assert.That(app.TeleCmiRequests.Count(HangUpPath), Is.EqualTo(hangUpsBefore), "TeleCMI is not asked");
    }

    [Test]
    public async Task AnotherTelecallersCall_Is404_WhileASupervisorMayHangItUp()
    {
        var callId = await PlaceTalkingCallAsync(asha, "DRV-1003");
        using var admin = await SignInAsync("admin", "admin-demo-pass");
        var other = await NewAgentAsync(admin, teleCmiPassword: null);
        using var otherClient = await SignInAsync(other.Username, other.Password);
        using var supervisor = await SignInAsync("sunita", "sunita-demo-pass");

        using var foreign = await otherClient.PostAsync($"/api/calls/{callId}/hangup", null);
        var unknown = await CallsApi.ReadAsync(foreign, HttpStatusCode.NotFound);
        Assert.That((await asha.GetAsync(callId))["status"]!.GetValue<string>(), Is.EqualTo("answered"), "the call goes on");

        using var bySupervisor = await supervisor.PostAsync($"/api/calls/{callId}/hangup", null);
        await CallsApi.ReadAsync(bySupervisor, HttpStatusCode.Accepted);
        Assert.That(unknown["detail"]!.GetValue<string>(), Does.Contain(callId));
        await asha.WaitForStatusAsync(callId, "completed");
    }

    [Test]
    public async Task AgentWithoutATeleCmiPassword_Is422NamingTheSetting_UntilAnAdminSetsIt()
    {
        using var admin = await SignInAsync("admin", "admin-demo-pass");
        var agent = await NewAgentAsync(admin, teleCmiPassword: null);
        var caller = new CallsApi(await SignInAsync(agent.Username, agent.Password));
        var callId = await PlaceTalkingCallAsync(caller, "DRV-1004");

        var problem = await CallsApi.ReadAsync(await caller.Http.PostAsync($"/api/calls/{callId}/hangup", null), HttpStatusCode.UnprocessableEntity);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("teleCmiPassword"));

        using var set = await admin.PatchAsJsonAsync($"/api/agents/{agent.Id}", new { teleCmiPassword = SimulatedTeleCmiPassword });
        var updated = await CallsApi.ReadAsync(set, HttpStatusCode.OK);
        Assert.That(updated["hasTeleCmiPassword"]!.GetValue<bool>(), Is.True);
        await CallsApi.ReadAsync(await caller.Http.PostAsync($"/api/calls/{callId}/hangup", null), HttpStatusCode.Accepted);
        await caller.WaitForStatusAsync(callId, "completed");
        caller.Http.Dispose();
    }

    [Test]
    public async Task TheTeleCmiPassword_IsNeverReturnedNorLogged_AndIsStoredEncrypted()
    {
        const string password = "hangup-secret-7d41c2e9";
        using var admin = await SignInAsync("admin", "admin-demo-pass");
        var agent = await NewAgentAsync(admin, teleCmiPassword: password);

        var created = agent.Created.ToJsonString();
        using var list = await admin.GetAsync("/api/agents");
        var listed = await list.Content.ReadAsStringAsync();
        var mine = JsonNode.Parse(listed)!.AsArray().Single(a => a!["id"]!.GetValue<int>() == agent.Id)!.AsObject();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Agents.AsNoTracking().Where(a => a.Id == agent.Id).Select(a => a.TeleCmiPasswordCipher).SingleAsync();
        var keys = await db.DataProtectionKeys.AsNoTracking().CountAsync();
        var tokens = app.TeleCmiRequests.Bodies(HangUpPath).Select(b => b["token"]!.GetValue<string>()).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(created + listed, Does.Not.Contain(password).And.Not.Contain("teleCmiPassword\""));
            Assert.That(mine["hasTeleCmiPassword"]!.GetValue<bool>(), Is.True);
            Assert.That(stored, Is.Not.Null.And.Not.Contain(password), "stored encrypted");
            Assert.That(stored!.Length, Is.GreaterThan(password.Length));
            Assert.That(keys, Is.GreaterThanOrEqualTo(1), "Data Protection's key ring lives in the database");
            Assert.That(app.Logs.Containing([password, SimulatedTeleCmiPassword, .. tokens]), Is.Empty,
                "no TeleCMI password or user token is logged");
        });
    }

    [Test]
    public async Task ASecondHangUp_UsesTheKeptUserToken_WithoutLoggingInAgain()
    {
        var first = await PlaceTalkingCallAsync(asha, "DRV-1005");
        await CallsApi.ReadAsync(await asha.Http.PostAsync($"/api/calls/{first}/hangup", null), HttpStatusCode.Accepted);
        var loginsAfterFirst = app.TeleCmiRequests.Count(Login);
        var hangUpsAfterFirst = app.TeleCmiRequests.Count(HangUpPath);
        var second = await PlaceTalkingCallAsync(asha, "DRV-1006");

        await CallsApi.ReadAsync(await asha.Http.PostAsync($"/api/calls/{second}/hangup", null), HttpStatusCode.Accepted);

        Assert.That(loginsAfterFirst, Is.GreaterThanOrEqualTo(1));
        Assert.That(app.TeleCmiRequests.Count(Login), Is.EqualTo(loginsAfterFirst), "the kept token was used");
        Assert.That(app.TeleCmiRequests.Count(HangUpPath), Is.EqualTo(hangUpsAfterFirst + 1));
        await asha.WaitForStatusAsync(second, "completed");
    }

    /// <summary>The stand-in's user password, which the Development seed gave asha.</summary>
    private const string SimulatedTeleCmiPassword = DatabaseSeeder.DemoTeleCmiPassword;

    private int agents;

    /// <summary>Places a call to a held number and waits until both are talking and TeleCMI has reported the agent leg.</summary>
    internal static async Task<string> PlaceTalkingCallAsync(CallsApi caller, string driverId)
    {
        var created = await CallsApi.ReadAsync(await caller.PlaceAsync(driverId, HeldNumber), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        await caller.WaitUntilAsync(callId, c => c["status"]!.GetValue<string>() == "answered" && c["agentLegId"] is not null, "answered");
        return callId;
    }

    private async Task<HttpClient> SignInAsync(string username, string password)
    {
        var client = new HttpClient { BaseAddress = asha.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await CallsApi.SignInAsync(client, username, password);
        return client;
    }

    private async Task<(int Id, string Username, string Password, JsonObject Created)> NewAgentAsync(HttpClient admin, string? teleCmiPassword)
    {
        var n = Interlocked.Increment(ref agents);
        var username = $"hangup{n}_{Guid.NewGuid():N}"[..20];
        const string password = "agent-pass-123";
        var body = new
        {
            username, password, displayName = $"Hang-up agent {n}", phone = $"+9191100{n:D5}", role = "telecaller",
            teleCmiUserId = $"{6000 + n}_1111112", teleCmiCallingAllowed = true, teleCmiPassword,
        };
        var created = await CallsApi.ReadAsync(await admin.PostAsJsonAsync("/api/agents", body), HttpStatusCode.Created);
        return (created["id"]!.GetValue<int>(), username, password, created);
    }
}
