using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using TeleCmi.Domain.Agents;
using TeleCmi.Infrastructure.Jobs;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Operations;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Security;

/// <summary>
/// Tokens carry the rights they were issued for: changing an agent's role, password or TeleCMI settings, or disabling
/// them, ends their existing tokens on the next request (re-enabling does not revive them), and signing out ends the
/// presented token only. Checked through HTTP, and across two service instances sharing the database.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class SessionEndTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private const string Password = "secret-pass-1";
    private readonly ScopeCapturingLogs logs = new();
    private int counter;

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        builder.ConfigureLogging(l => l.AddProvider(logs).AddFilter<ScopeCapturingLogs>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information));
    }

    private async Task<(string Username, int Id)> CreateAgentAsync(string role, bool teleCmi)
    {
        var admin = await Api.AdminAsync();
        var n = Interlocked.Increment(ref counter);
        var username = $"s{role}{n}_{Guid.NewGuid():N}"[..24];
        var body = new
        {
            username, password = Password, displayName = $"Session {role} {n}", phone = $"+9192000{n:D5}", role,
            teleCmiUserId = teleCmi ? $"{6000 + n}_1111112" : null, teleCmiCallingAllowed = teleCmi,
        };
        var created = await TestApi.ReadAsync(await admin.PostAsJsonAsync("/api/agents", body), HttpStatusCode.Created);
        return (username, created["id"]!.GetValue<int>());
    }

    private async Task PatchAgentAsync(int id, object change)
    {
        var admin = await Api.AdminAsync();
        var response = await admin.PatchAsJsonAsync($"/api/agents/{id}", change);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpStatusCode> ListCallsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/calls");
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return response.StatusCode;
    }

    private static HttpClient WithTokenOf(HttpClient from, HttpClient to)
    {
        to.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", from.DefaultRequestHeaders.Authorization!.Parameter);
        return to;
    }

    [Test]
    public async Task ASupervisorDemotedToTelecaller_OldTokenIs401_NewTokenHasOnlyTelecallerRights()
    {
        var (alice, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        var call = await TestApi.ReadAsync(await alice.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var callId = call["id"]!.GetValue<string>();
        var (username, id) = await CreateAgentAsync("supervisor", teleCmi: false);
        var supervisor = await Api.SignInAsync(username, Password);
        Assert.That((await supervisor.GetAsync($"/api/calls/{callId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a supervisor sees everyone's calls");

        await PatchAgentAsync(id, new { role = "telecaller" });

        Assert.That((await supervisor.GetAsync($"/api/calls/{callId}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await supervisor.GetAsync("/api/reports/agents")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var demoted = await Api.SignInAsync(username, Password);
        Assert.That((await demoted.GetAsync($"/api/calls/{callId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a telecaller sees only their own calls");
        Assert.That(await ListCallsAsync(demoted), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task APasswordChangedByAnAdmin_OldTokenIs401_TheNewPasswordSignsIn()
    {
        var (username, id) = await CreateAgentAsync("telecaller", teleCmi: false);
        var old = await Api.SignInAsync(username, Password);

        await PatchAgentAsync(id, new { password = "a-new-secret-2" });

        Assert.That(await ListCallsAsync(old), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await ListCallsAsync(await Api.SignInAsync(username, "a-new-secret-2")), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnAdminChangingTheirOwnPassword_EndsTheirOwnOldToken()
    {
        var (username, id) = await CreateAgentAsync("admin", teleCmi: false);
        var admin = await Api.SignInAsync(username, Password);

        var changed = await admin.PatchAsJsonAsync($"/api/agents/{id}", new { password = "a-new-secret-3" });

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the request that changes the password still completes");
        Assert.That((await admin.GetAsync("/api/agents")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await (await Api.SignInAsync(username, "a-new-secret-3")).GetAsync("/api/agents")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task TeleCmiCallingWithdrawn_OldTokenIs401_NewTokenCannotPlaceACall()
    {
        var (username, id) = await CreateAgentAsync("telecaller", teleCmi: true);
        var old = await Api.SignInAsync(username, Password);
        var driverId = await Api.NewDriverAsync();

        await PatchAgentAsync(id, new { teleCmiCallingAllowed = false });

        Assert.That((await old.PostAsJsonAsync("/api/calls", new { driverId })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var fresh = await Api.SignInAsync(username, Password);
        Assert.That((await fresh.PostAsJsonAsync("/api/calls", new { driverId })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task TeleCmiCallingGranted_OldTokenIs401()
    {
        var (username, id) = await CreateAgentAsync("telecaller", teleCmi: false);
        var old = await Api.SignInAsync(username, Password);

        await PatchAgentAsync(id, new { teleCmiUserId = $"{7000 + id}_1111112", teleCmiCallingAllowed = true });

        Assert.That(await ListCallsAsync(old), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TheTeleCmiUserIdReassigned_OldTokenIs401()
    {
        var (username, id) = await CreateAgentAsync("telecaller", teleCmi: true);
        var old = await Api.SignInAsync(username, Password);

        await PatchAgentAsync(id, new { teleCmiUserId = $"{8000 + id}_1111112" });

        Assert.That(await ListCallsAsync(old), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task DisabledThenEnabled_OldTokenStays401_ANewSignInWorks()
    {
        var (username, id) = await CreateAgentAsync("telecaller", teleCmi: false);
        var old = await Api.SignInAsync(username, Password);

        await PatchAgentAsync(id, new { isActive = false });
        Assert.That(await ListCallsAsync(old), Is.EqualTo(HttpStatusCode.Unauthorized));
        await PatchAgentAsync(id, new { isActive = true });

        Assert.That(await ListCallsAsync(old), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await ListCallsAsync(await Api.SignInAsync(username, Password)), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ARenameOrNewPhone_GrantsNothing_AndKeepsTheToken()
    {
        var (username, id) = await CreateAgentAsync("telecaller", teleCmi: false);
        var client = await Api.SignInAsync(username, Password);

        await PatchAgentAsync(id, new { displayName = "Renamed agent", phone = "+919200099999" });

        Assert.That(await ListCallsAsync(client), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Logout_EndsThatToken_TheAgentsOtherTokenStillWorks()
    {
        var (username, _) = await CreateAgentAsync("telecaller", teleCmi: false);
        var phone = await Api.SignInAsync(username, Password);
        var tablet = await Api.SignInAsync(username, Password);

        var loggedOut = await phone.PostAsync("/api/auth/logout", null);

        Assert.That(loggedOut.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await ListCallsAsync(phone), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await phone.PostAsync("/api/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "signing out twice");
        Assert.That(await ListCallsAsync(tablet), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Logout_WithoutAToken_Is401()
    {
        Assert.That((await Api.Anonymous().PostAsync("/api/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TwoInstances_ALogoutOrRoleChangeOnOne_EndsTheTokenOnTheOtherAtOnce()
    {
        await using var second = new TeleCmiApiFactory(Factory.Database);
        var (username, id) = await CreateAgentAsync("supervisor", teleCmi: false);
        var signedOut = await Api.SignInAsync(username, Password);
        var demoted = await Api.SignInAsync(username, Password);
        var onSecond = WithTokenOf(signedOut, second.CreateClient());
        Assert.That(await ListCallsAsync(onSecond), Is.EqualTo(HttpStatusCode.OK), "the second instance accepts the first one's token");

        Assert.That((await signedOut.PostAsync("/api/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await ListCallsAsync(onSecond), Is.EqualTo(HttpStatusCode.Unauthorized));

        var demotedOnSecond = WithTokenOf(demoted, second.CreateClient());
        Assert.That(await ListCallsAsync(demotedOnSecond), Is.EqualTo(HttpStatusCode.OK));
        await PatchAgentAsync(id, new { role = "telecaller" });
        Assert.That(await ListCallsAsync(demotedOnSecond), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TheSessionCheck_IsTheOneAgentQueryEachRequestAlreadyRan()
    {
        var (username, _) = await CreateAgentAsync("telecaller", teleCmi: false);
        var client = await Api.SignInAsync(username, Password);
        var before = logs.Lines.Count;

        Assert.That(await ListCallsAsync(client), Is.EqualTo(HttpStatusCode.OK));

        var commands = logs.Lines.Skip(before).Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command").Select(l => l.Message).ToList();
        var sessionChecks = commands.Where(sql => sql.Contains("revoked_tokens", StringComparison.Ordinal)).ToList();
        Assert.That(sessionChecks, Has.Count.EqualTo(1), string.Join("\n---\n", commands));
        Assert.That(sessionChecks[0], Does.Contain("SecurityStamp").And.Contain("IsActive").And.Contain("NOT EXISTS"));
        Assert.That(commands.Count(sql => sql.Contains("agents", StringComparison.Ordinal) && !sql.Contains("revoked_tokens", StringComparison.Ordinal)),
            Is.Zero, "no second agent query for the session");
    }

    [Test]
    public async Task ThePurge_DeletesSignOutsWhoseTokensExpired_AndKeepsTheRest()
    {
        var (username, id) = await CreateAgentAsync("telecaller", teleCmi: false);
        var client = await Api.SignInAsync(username, Password);
        var tokenId = ReadClaim(client, "jti");
        Assert.That((await client.PostAsync("/api/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var expiredId = "expired-" + Guid.NewGuid().ToString("N")[..16];
        var now = DateTime.UtcNow;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.RevokedTokens.Add(RevokedToken.Revoke(expiredId, id, now.AddHours(-13), now.AddHours(-14)));
            await db.SaveChangesAsync();
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RevokedTokenPurge>().RunAsync(CancellationToken.None);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var left = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RevokedTokens.AsNoTracking()
                .Where(t => t.TokenId == tokenId || t.TokenId == expiredId).Select(t => t.TokenId).ToListAsync();
            Assert.That(left, Is.EqualTo(new[] { tokenId }));
        }
        Assert.That(await ListCallsAsync(client), Is.EqualTo(HttpStatusCode.Unauthorized), "the signed-out token stays ended");
    }

    [Test]
    public async Task AnIssuedToken_CarriesTheStampAndAnId()
    {
        var (username, _) = await CreateAgentAsync("telecaller", teleCmi: false);
        var client = await Api.SignInAsync(username, Password);

        Assert.That(ReadClaim(client, "stamp"), Does.Match("^[0-9A-F]{32}$"));
        Assert.That(ReadClaim(client, "jti"), Is.Not.Empty);
    }

    private static string ReadClaim(HttpClient client, string claim)
    {
        var payload = client.DefaultRequestHeaders.Authorization!.Parameter!.Split('.')[1];
        return JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(payload))![claim]!.GetValue<string>();
    }
}
