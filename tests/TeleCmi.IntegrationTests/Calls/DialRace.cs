using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// The two races of issue 18, fired through one or more service instances on one database: many taps on one driver
/// (one dial, the rest 409 naming it) and many taps on many drivers against the daily cap (exactly the cap).
/// </summary>
internal static class DialRace
{
    public const int Taps = 30;
    public const int CapTaps = 32;
    public const int Cap = 5;

    /// <summary>30 taps by one agent on one driver, spread over <paramref name="clients"/> (one per instance), all at once.</summary>
    public static async Task ParallelTapsOnOneDriverDialOnceAsync(TestApi api, TeleCmiApiFactory[] instances, Func<HttpClient, HttpClient[]> clients)
    {
        var (agent, agentId) = await api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await api.NewDriverAsync();
        var through = clients(agent);

        var responses = await StartGate.SendTogetherAsync(Taps, i => through[i % through.Length].PostAsJsonAsync("/api/calls", new { driverId }));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        var codes = string.Join(", ", responses.Select(r => (int)r.StatusCode));
        Assert.That(created, Has.Count.EqualTo(1), "exactly one tap dials: " + codes);
        var callId = (await TestApi.ReadAsync(created[0], HttpStatusCode.Created))["id"]!.GetValue<string>();
        var others = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        foreach (var other in others)
            Assert.That((await TestApi.ReadAsync(other, HttpStatusCode.Conflict))["existingId"]?.GetValue<string>(), Is.EqualTo(callId), "409 names the live call");
        Assert.Multiple(async () =>
        {
            Assert.That(others, Has.Count.EqualTo(Taps - 1));
            Assert.That(instances.Sum(f => f.Gateway.Requests.Count), Is.EqualTo(1), "requests that reached TeleCMI");
            Assert.That(await CallRowsAsync(instances[0], agentId), Is.EqualTo(1), "call rows");
        });
    }

    /// <summary>32 taps by one agent on 32 drivers with the cap at 5, spread over <paramref name="clients"/>, all at once.</summary>
    public static async Task ParallelTapsOnManyDriversDialExactlyTheCapAsync(TestApi api, TeleCmiApiFactory[] instances, Func<HttpClient, HttpClient[]> clients)
    {
        var (agent, agentId) = await api.NewAgentAsync("telecaller", teleCmi: true);
        var drivers = await NewDriversAsync(api, CapTaps);
        var through = clients(agent);

        var responses = await StartGate.SendTogetherAsync(CapTaps, i => through[i % through.Length].PostAsJsonAsync("/api/calls", new { driverId = drivers[i] }));

        var codes = string.Join(", ", responses.Select(r => (int)r.StatusCode));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(Cap), "exactly the cap dials: " + codes);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.That((await TestApi.ReadAsync(refused, HttpStatusCode.TooManyRequests))["detail"]!.GetValue<string>(), Does.Contain("maximum of 5"));
        Assert.Multiple(async () =>
        {
            Assert.That(instances.Sum(f => f.Gateway.Requests.Count), Is.EqualTo(Cap), "requests that reached TeleCMI");
            Assert.That(await CallRowsAsync(instances[0], agentId), Is.EqualTo(Cap), "call rows");
        });
    }

    private static async Task<int> CallRowsAsync(TeleCmiApiFactory factory, int agentId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CallLogs.CountAsync(c => c.AgentId == agentId);
    }

    private static async Task<string[]> NewDriversAsync(TestApi api, int count)
    {
        var admin = await api.AdminAsync();
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = "DRV-" + Guid.NewGuid().ToString("N")[..10];
            var response = await admin.PostAsJsonAsync("/api/drivers", new { id = ids[i], name = $"Driver {i}", phone = $"98765{i:D5}", tmId = "TM1", kind = "driver" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        }
        return ids;
    }
}
