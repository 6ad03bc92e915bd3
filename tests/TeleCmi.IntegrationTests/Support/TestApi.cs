using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>Small helpers over the HTTP API, as the mobile app would call it.</summary>
public sealed class TestApi(TeleCmiApiFactory factory)
{
    private int counter;

    public HttpClient Anonymous() => factory.CreateClient();

    public async Task<HttpClient> SignInAsync(string username, string password)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> AdminAsync() => SignInAsync(TeleCmiApiFactory.AdminUsername, TeleCmiApiFactory.AdminPassword);

    /// <summary>Creates an agent through the admin API and returns a signed-in client plus the agent's id.</summary>
    public async Task<(HttpClient Client, int Id)> NewAgentAsync(string role, bool teleCmi)
    {
        var admin = await AdminAsync();
        var n = Interlocked.Increment(ref counter);
        var username = $"{role}{n}_{Guid.NewGuid():N}"[..24];
        var body = new
        {
            username, password = "secret-pass-1", displayName = $"Test {role} {n}", phone = $"+9191000{n:D5}", role,
            teleCmiUserId = teleCmi ? $"{5000 + n}_1111112" : null, teleCmiCallingAllowed = teleCmi,
        };
        var response = await admin.PostAsJsonAsync("/api/agents", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        return (await SignInAsync(username, "secret-pass-1"), id);
    }

    /// <summary>Creates a driver with a unique id and the given phone.</summary>
    public async Task<string> NewDriverAsync(string phone = "9876543210", string name = "Ramesh Yadav")
    {
        var admin = await AdminAsync();
        var id = "DRV-" + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostAsJsonAsync("/api/drivers", new { id, name, phone, tmId = "TM1", kind = "driver" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return id;
    }

    public Task<HttpResponseMessage> PostWebhookAsync(object payload, string? token = TeleCmiApiFactory.WebhookToken) =>
        PostRawWebhookAsync(JsonSerializer.Serialize(payload), token);

    public Task<HttpResponseMessage> PostRawWebhookAsync(string body, string? token = TeleCmiApiFactory.WebhookToken, string mediaType = "application/json")
    {
        var url = token is null ? "/api/webhooks/telecmi" : $"/api/webhooks/telecmi?token={Uri.EscapeDataString(token)}";
        return factory.CreateClient().PostAsync(url, new StringContent(body, Encoding.UTF8, mediaType));
    }

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
