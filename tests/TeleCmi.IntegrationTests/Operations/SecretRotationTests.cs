using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Operations;

/// <summary>
/// The rotation procedures of docs/OPERATIONS.md, with several instances on one database as during a rolling restart:
/// at no step is a token that some instance issued, or a webhook TeleCMI sends, refused by another instance.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class SecretRotationTests(DatabaseEngine engine)
{
    private const string OldKey = "rotation-old-signing-key-0123456789abcdef";
    private const string NewKey = "rotation-new-signing-key-0123456789abcdef";
    private const string OldWebhookToken = "rotation-old-webhook-token-0123456789";
    private const string NewWebhookToken = "rotation-new-webhook-token-0123456789";

    private TestDatabase database = null!;
    private readonly List<TeleCmiApiFactory> hosts = [];

    [OneTimeSetUp]
    public void CreateDatabase() => database = TestDatabase.Create(engine);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var host in hosts) await host.DisposeAsync();
        if (database is not null) await database.DropAsync();
    }

    [Test]
    public async Task JwtSigningKey_RotatedInThreeSteps_NoInstanceRefusesATokenAnotherIssued()
    {
        var before = Host(b => Jwt(b, OldKey, previous: null));
        var oldToken = await SignInAsync(before);

        // Step 1, on every instance: the new key is accepted, the old one still signs.
        var step1 = Host(b => Jwt(b, OldKey, previous: NewKey));
        // Step 2, on every instance: the new key signs, the old one is still accepted.
        var step2 = Host(b => Jwt(b, NewKey, previous: OldKey));
        var newToken = await SignInAsync(step2);

        Assert.Multiple(async () =>
        {
            Assert.That(await StatusWithAsync(step1, oldToken), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await StatusWithAsync(step1, newToken), Is.EqualTo(HttpStatusCode.OK), "an instance not yet at step 2 takes the new tokens");
            Assert.That(await StatusWithAsync(step2, oldToken), Is.EqualTo(HttpStatusCode.OK), "tokens issued before step 2 keep working");
            Assert.That(await StatusWithAsync(before, newToken), Is.EqualTo(HttpStatusCode.Unauthorized), "why step 1 must reach every instance first");
        });

        // Step 3, once the old tokens have expired (Jwt:LifetimeMinutes): the old key goes.
        var step3 = Host(b => Jwt(b, NewKey, previous: null));
        Assert.That(await StatusWithAsync(step3, newToken), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusWithAsync(step3, oldToken), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task WebhookToken_RotatedInThreeSteps_EveryDeliveryIsTakenThroughout()
    {
        var before = Host(b => Webhook(b, OldWebhookToken, previous: null));
        // Step 1, on every instance: the new token is accepted too. Then TeleCMI's dashboard is switched to the new URL.
        var step1 = Host(b => Webhook(b, OldWebhookToken, previous: NewWebhookToken));
        // Step 2, once TeleCMI sends only the new token: it becomes the only one.
        var step2 = Host(b => Webhook(b, NewWebhookToken, previous: null));

        Assert.Multiple(async () =>
        {
            Assert.That(await WebhookStatusAsync(before, OldWebhookToken), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await WebhookStatusAsync(step1, OldWebhookToken), Is.EqualTo(HttpStatusCode.OK), "retries of deliveries sent before the switch");
            Assert.That(await WebhookStatusAsync(step1, NewWebhookToken), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await WebhookStatusAsync(step1, "some-other-token-0123456789"), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await WebhookStatusAsync(step2, NewWebhookToken), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await WebhookStatusAsync(step2, OldWebhookToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    private TeleCmiApiFactory Host(Action<IWebHostBuilder> configure)
    {
        var host = new TeleCmiApiFactory(database, configure);
        hosts.Add(host);
        return host;
    }

    private static void Jwt(IWebHostBuilder builder, string signingKey, string? previous)
    {
        builder.UseSetting("Jwt:SigningKey", signingKey);
        builder.UseSetting("Jwt:PreviousSigningKey", previous ?? "");
    }

    private static void Webhook(IWebHostBuilder builder, string token, string? previous)
    {
        builder.UseSetting("TeleCmi:WebhookToken", token);
        builder.UseSetting("TeleCmi:PreviousWebhookToken", previous ?? "");
    }

    private static async Task<string> SignInAsync(TeleCmiApiFactory host)
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/auth/token",
            new { username = TeleCmiApiFactory.AdminUsername, password = TeleCmiApiFactory.AdminPassword });
        return (await TestApi.ReadAsync(response, HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
    }

    private static async Task<HttpStatusCode> StatusWithAsync(TeleCmiApiFactory host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/agents")).StatusCode;
    }

    private static async Task<HttpStatusCode> WebhookStatusAsync(TeleCmiApiFactory host, string token)
    {
        var body = new JsonObject { ["type"] = "event", ["status"] = "started", ["request_id"] = "req-rotation-" + Guid.NewGuid().ToString("N")[..8] };
        var response = await host.CreateClient().PostAsync($"/api/webhooks/telecmi?token={Uri.EscapeDataString(token)}",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }
}
