using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Security;

/// <summary>
/// POST /api/auth/token takes the agent's mobile number, in any common Indian format, in place of the username: the app
/// that exists signs its users in by mobile number. The token is the agent's own (it carries their id and role), wrong
/// passwords and disabled accounts get the same 401 as before, and a number two agents share signs in the one whose
/// password matches.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class SignInByPhoneTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private const string Password = "phone-pass-1";
    private int counter;

    /// <summary>Creates an agent with the phone +91 94&lt;8 digits&gt; and returns the username, id and national number.</summary>
    private async Task<(string Username, int Id, string National)> CreateAgentAsync(string? phone = null, string password = Password, string role = "telecaller")
    {
        var admin = await Api.AdminAsync();
        var n = Interlocked.Increment(ref counter);
        var national = phone ?? $"94{Random.Shared.Next(10_000_000, 99_999_999)}";
        var username = $"ph{n}_{Guid.NewGuid():N}"[..20];
        var body = new { username, password, displayName = $"Phone {n}", phone = "+91" + national, role };
        var created = await TestApi.ReadAsync(await admin.PostAsJsonAsync("/api/agents", body), HttpStatusCode.Created);
        return (username, created["id"]!.GetValue<int>(), national);
    }

    private Task<HttpResponseMessage> SignInAsync(string name, string password = Password) =>
        Api.Anonymous().PostAsJsonAsync("/api/auth/token", new { username = name, password });

    private async Task<int> WhoAmIAsync(HttpResponseMessage signIn)
    {
        var token = (await TestApi.ReadAsync(signIn, HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
        var client = Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        // A telecaller's call list is their own; the token's subject is what the handler keys it on. Read the id from the JWT.
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        var claims = JsonNode.Parse(Convert.FromBase64String(payload))!.AsObject();
        Assert.That((await client.GetAsync("/api/calls")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the token works");
        return int.Parse(claims["sub"]!.GetValue<string>());
    }

    [TestCase("{0}")]
    [TestCase("0{0}")]
    [TestCase("+91{0}")]
    [TestCase("91{0}")]
    [TestCase("+91 {1} {2}")]
    [TestCase("+91-{1}-{2}")]
    [TestCase("0091 {0}")]
    [TestCase(" ({1}) {2} ")]
    public async Task The_agents_phone_in_a_common_format_signs_them_in(string format)
    {
        var (_, id, national) = await CreateAgentAsync();
        var written = string.Format(format, national, national[..5], national[5..]);
        Assert.That(await WhoAmIAsync(await SignInAsync(written)), Is.EqualTo(id), written);
    }

    [Test]
    public async Task The_username_still_signs_in()
    {
        var (username, id, _) = await CreateAgentAsync();
        Assert.That(await WhoAmIAsync(await SignInAsync(username.ToUpperInvariant())), Is.EqualTo(id));
    }

    [Test]
    public async Task A_wrong_password_an_unknown_number_and_a_disabled_agent_get_the_same_401()
    {
        var (_, id, national) = await CreateAgentAsync();
        var wrong = await TestApi.ReadAsync(await SignInAsync(national, "not-the-password"), HttpStatusCode.Unauthorized);
        var unknown = await TestApi.ReadAsync(await SignInAsync("9311111111"), HttpStatusCode.Unauthorized);

        var admin = await Api.AdminAsync();
        await TestApi.ReadAsync(await admin.PatchAsJsonAsync($"/api/agents/{id}", new { isActive = false }), HttpStatusCode.OK);
        var disabled = await TestApi.ReadAsync(await SignInAsync(national), HttpStatusCode.Unauthorized);

        Assert.That(new[] { wrong["detail"]!.GetValue<string>(), unknown["detail"]!.GetValue<string>() },
            Has.All.EqualTo(disabled["detail"]!.GetValue<string>()));
    }

    [Test]
    public async Task A_number_two_agents_share_signs_in_the_one_whose_password_matches()
    {
        var shared = $"95{Random.Shared.Next(10_000_000, 99_999_999)}";
        var (_, first, _) = await CreateAgentAsync(shared, "first-pass-1");
        var (_, second, _) = await CreateAgentAsync(shared, "second-pass-2");

        Assert.That(await WhoAmIAsync(await SignInAsync("+91" + shared, "first-pass-1")), Is.EqualTo(first));
        Assert.That(await WhoAmIAsync(await SignInAsync(shared, "second-pass-2")), Is.EqualTo(second));
    }

    [Test]
    public async Task A_number_two_agents_share_with_the_same_password_signs_in_neither()
    {
        var shared = $"96{Random.Shared.Next(10_000_000, 99_999_999)}";
        await CreateAgentAsync(shared, "same-pass-1");
        await CreateAgentAsync(shared, "same-pass-1");
        await TestApi.ReadAsync(await SignInAsync(shared, "same-pass-1"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_digits_only_username_and_another_agents_phone_are_told_apart_by_the_password()
    {
        var (_, owner, national) = await CreateAgentAsync();
        // Another agent whose username is the same ten digits as the first agent's mobile number.
        var admin = await Api.AdminAsync();
        var body = new { username = national, password = "digits-pass-1", displayName = "Digits", phone = "+919312345678", role = "telecaller" };
        var digits = (await TestApi.ReadAsync(await admin.PostAsJsonAsync("/api/agents", body), HttpStatusCode.Created))["id"]!.GetValue<int>();

        Assert.That(await WhoAmIAsync(await SignInAsync(national, "digits-pass-1")), Is.EqualTo(digits));
        Assert.That(await WhoAmIAsync(await SignInAsync(national)), Is.EqualTo(owner));
    }
}
