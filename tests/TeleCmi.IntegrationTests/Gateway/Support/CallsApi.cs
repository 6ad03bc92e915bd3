using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace TeleCmi.IntegrationTests.Gateway.Support;

/// <summary>The calls API as the mobile app uses it, signed in as the demo TeleCMI telecaller.</summary>
public sealed class CallsApi(HttpClient http)
{
    public HttpClient Http => http;

    public static async Task<CallsApi> SignInAsync(HttpClient http, string username = "asha", string password = "asha-demo-pass")
    {
        var response = await http.PostAsJsonAsync("/api/auth/token", new { username, password });
        var token = (await ReadAsync(response, HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new CallsApi(http);
    }

    public Task<HttpResponseMessage> PlaceAsync(string driverId, string? phone = null) =>
        http.PostAsJsonAsync("/api/calls", phone is null ? new { driverId } : (object)new { driverId, phone });

    public async Task<JsonObject> GetAsync(string callId) => await ReadAsync(await http.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);

    /// <summary>Polls the call until its status is <paramref name="status"/>; fails after 30 s with the last state seen.</summary>
    /// <remarks>
    /// "completed" waits for the driver leg's CDR as well: once the agent leg has ended after the driver
    /// answered, the call is already completed, and the talk time and recording follow with the driver's CDR.
    /// </remarks>
    public Task<JsonObject> WaitForStatusAsync(string callId, string status) =>
        WaitUntilAsync(callId, call => call["status"]!.GetValue<string>() == status
                                       && (status != "completed" || call["durationSeconds"] is not null), $"status '{status}'");

    /// <summary>Polls the call until <paramref name="condition"/> holds; fails after 30 s with the last state seen.</summary>
    public async Task<JsonObject> WaitUntilAsync(string callId, Func<JsonObject, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonObject call;
        do
        {
            call = await GetAsync(callId);
            if (condition(call)) return call;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Call {callId} did not reach {what} within 30 s; last seen: {call.ToJsonString()}");
        return call;
    }

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
