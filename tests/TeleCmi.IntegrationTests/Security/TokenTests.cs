using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using NUnit.Framework;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Security;

/// <summary>
/// Only an unexpired token signed with our key, for our issuer and audience, carrying the agent's current security stamp
/// and a token id, is accepted.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class TokenTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private const string TestKey = "integration-tests-signing-key-0123456789abcdef";

    /// <summary>Signs a token for <paramref name="agentId"/>; <paramref name="stamp"/> null leaves the security stamp out.</summary>
    private static string Sign(int agentId, string? stamp, string role = "Telecaller", string key = TestKey, string issuer = "telecmi-api",
        DateTime? expires = null, bool withId = true)
    {
        var now = DateTime.UtcNow;
        List<Claim> claims = [new Claim(JwtRegisteredClaimNames.Sub, agentId.ToString()), new Claim("role", role)];
        if (stamp is not null) claims.Add(new Claim("stamp", stamp));
        if (withId) claims.Add(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")));
        var token = new JwtSecurityToken(issuer, "telecmi-app", claims,
            notBefore: (expires ?? now.AddHours(1)).AddHours(-2), expires: expires ?? now.AddHours(1),
            signingCredentials: new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>The agent's current security stamp, as the service would put it in a token.</summary>
    private async Task<string> StampOfAsync(int agentId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Agents.Where(a => a.Id == agentId).Select(a => a.SecurityStamp).SingleAsync();
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(json);

    private async Task<HttpStatusCode> ListCallsWithAsync(string token)
    {
        var client = Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/api/calls");
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return response.StatusCode;
    }

    [Test]
    public async Task ATokenWeSignOurselves_IsAccepted_SoTheRefusalsBelowAreAboutTheFlaw()
    {
        var (_, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);

        Assert.That(await ListCallsWithAsync(Sign(agentId, await StampOfAsync(agentId))), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnExpiredToken_Is401()
    {
        var (_, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);

        Assert.That(await ListCallsWithAsync(Sign(agentId, await StampOfAsync(agentId), expires: DateTime.UtcNow.AddMinutes(-5))), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ATokenSignedWithAnotherKey_Is401()
    {
        var (_, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);

        Assert.That(await ListCallsWithAsync(Sign(agentId, await StampOfAsync(agentId), key: "some-other-signing-key-0123456789abcdefghij")), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ATokenFromAnotherIssuer_Is401()
    {
        var (_, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);

        Assert.That(await ListCallsWithAsync(Sign(agentId, await StampOfAsync(agentId), issuer: "someone-else")), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task AnUnsignedAlgNoneToken_Is401()
    {
        var (_, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["sub"] = agentId.ToString(), ["role"] = "Admin", ["iss"] = "telecmi-api", ["aud"] = "telecmi-app",
            ["nbf"] = exp - 7200, ["exp"] = exp,
        };

        var unsigned = Base64Url("""{"alg":"none","typ":"JWT"}""") + "." + Base64Url(payload.ToJsonString()) + ".";

        Assert.That(await ListCallsWithAsync(unsigned), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task APayloadRewrittenToAdmin_UnderTheOriginalSignature_Is401()
    {
        var (_, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var parts = Sign(agentId, await StampOfAsync(agentId)).Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["role"] = "Admin";

        var tampered = parts[0] + "." + Base64Url(payload.ToJsonString()) + "." + parts[2];

        Assert.That(await ListCallsWithAsync(tampered), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ATokenWithoutTheSecurityStamp_Is401_AsEveryTokenIssuedBeforeStampsExisted()
    {
        var (_, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);

        Assert.That(await ListCallsWithAsync(Sign(agentId, stamp: null)), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ATokenWithAStampTheAgentNoLongerHas_Is401()
    {
        var (_, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);

        Assert.That(await ListCallsWithAsync(Sign(agentId, "0123456789ABCDEF0123456789ABCDEF")), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ATokenWithoutAnId_Is401_ItCouldNotBeSignedOut()
    {
        var (_, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: false);

        Assert.That(await ListCallsWithAsync(Sign(agentId, await StampOfAsync(agentId), withId: false)), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task SignInAttempts_OverTheLimit_Are429ProblemWithRetryAfter()
    {
        // A second instance on the same database with a low sign-in limit; the fixture's own limit stays high.
        await using var limited = new TeleCmiApiFactory(Factory.Database, b => b.UseSetting("RateLimits:SignInPerMinute", "3"));
        var client = limited.CreateClient();
        var attempt = new { username = TeleCmiApiFactory.AdminUsername, password = "wrong-password" };
        for (var i = 0; i < 3; i++)
            Assert.That((await client.PostAsJsonAsync("/api/auth/token", attempt)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var refused = await client.PostAsJsonAsync("/api/auth/token",
            new { username = TeleCmiApiFactory.AdminUsername, password = TeleCmiApiFactory.AdminPassword });

        var problem = await TestApi.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(429));
        Assert.That(refused.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60));
        Assert.That(problem.ContainsKey("accessToken"), Is.False);
    }
}
