using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Compatibility;

/// <summary>The seed app's requests, exactly as it sends them, and a telecaller with a platform id to send them as.</summary>
public sealed class SeedClient(TestApi api)
{
    public const string Url = "/api/telecmi_production_api.php";
    private static int counter;

    /// <summary>A telecaller who may call through TeleCMI, with a fresh numeric platform id (the seed's <c>caller_id</c>).</summary>
    public async Task<(HttpClient Client, long CallerId, int AgentId, string Phone)> NewCallerAsync(bool teleCmi = true)
    {
        var admin = await api.AdminAsync();
        var n = Interlocked.Increment(ref counter);
        var callerId = Random.Shared.NextInt64(1_000_000, 9_999_999_999);
        var username = $"seed{n}_{Guid.NewGuid():N}"[..20];
        var phone = $"+9194000{n:D5}";
        var response = await admin.PostAsJsonAsync("/api/agents", new
        {
            username, password = "secret-pass-1", displayName = $"Seed caller {n}", phone, role = "telecaller",
            teleCmiUserId = teleCmi ? $"{7000 + n}_1111112" : null, teleCmiCallingAllowed = teleCmi, externalId = callerId.ToString(),
        });
        var created = await TestApi.ReadAsync(response, HttpStatusCode.Created);
        return (await api.SignInAsync(username, "secret-pass-1"), callerId, created["id"]!.GetValue<int>(), phone);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string action, object body, string? idempotencyKey = null) =>
        PostRawAsync(client, action, JsonSerializer.Serialize(body), idempotencyKey);

    public static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string action, string body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Url}?action={action}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ClickToCallAsync(HttpClient client, object callerId, string driverId, object driverMobile, string? key = null) =>
        PostAsync(client, "click_to_call", new Dictionary<string, object> { ["caller_id"] = callerId, ["driver_id"] = driverId, ["driver_mobile"] = driverMobile }, key);

    /// <summary>Places a call with the seed's body and returns its <c>reference_id</c>.</summary>
    public static async Task<string> NewCallAsync(HttpClient client, long callerId, string? driverId = null)
    {
        var envelope = await SuccessAsync(await ClickToCallAsync(client, callerId, driverId ?? "driver_" + Guid.NewGuid().ToString("N")[..10], "919876543210"));
        return envelope["data"]!["reference_id"]!.GetValue<string>();
    }

    /// <summary>A 200 with <c>{"success": true, "message", "data"}</c>, as the app checks it.</summary>
    public static async Task<JsonObject> SuccessAsync(HttpResponseMessage response)
    {
        var envelope = await TestApi.ReadAsync(response, HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(envelope["success"]!.GetValue<bool>(), Is.True);
            Assert.That(envelope["message"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(envelope["data"], Is.InstanceOf<JsonObject>());
        });
        return envelope;
    }

    /// <summary>The real status with <c>{"success": false, "error": …}</c>, never problem+json.</summary>
    public static async Task<JsonObject> FailureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var envelope = await TestApi.ReadAsync(response, expected);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), "no problem+json on the seed's routes");
            Assert.That(envelope["success"]!.GetValue<bool>(), Is.False);
            Assert.That(envelope["error"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(envelope.ContainsKey("title") || envelope.ContainsKey("type"), Is.False, "no problem-details members");
        });
        return envelope;
    }
}
