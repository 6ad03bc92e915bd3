using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Foundation;

/// <summary>
/// Stops the real MariaDB server under the running service and starts it again. Runs where the test
/// environment may control the server (CI sets TELECMI_TEST_MARIADB_CONTROL=1 and the start/stop commands).
/// </summary>
[NonParallelizable]
public sealed class MariaDbOutageTests
{
    [Test]
    public async Task WhenMariaDbStops_ReadyIs503AndRequestsGet503Problems_ThenRecoverWithoutRestart()
    {
        var start = Environment.GetEnvironmentVariable("TELECMI_MARIADB_START_CMD");
        var stop = Environment.GetEnvironmentVariable("TELECMI_MARIADB_STOP_CMD");
        if (Environment.GetEnvironmentVariable("TELECMI_TEST_MARIADB_CONTROL") != "1" || start is null || stop is null)
            Assert.Ignore("Set TELECMI_TEST_MARIADB_CONTROL=1, TELECMI_MARIADB_START_CMD and TELECMI_MARIADB_STOP_CMD (as .ci/run does) to run the outage test.");

        var database = TestDatabase.Create(DatabaseEngine.MySql);
        await using var factory = new TeleCmiApiFactory(database);
        var api = new TestApi(factory);
        var (agent, _) = await api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await api.NewDriverAsync();
        var written = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected" }), HttpStatusCode.Created);
        var client = api.Anonymous();
        try
        {
            await Shell(stop);
            await WaitForAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20));

            var timer = Stopwatch.StartNew();
            var during = await agent.GetAsync("/api/calls");
            timer.Stop();
            Assert.That(during.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await during.Content.ReadAsStringAsync());
            Assert.That(during.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(timer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "no hang past the configured timeouts");
        }
        finally
        {
            await Shell(start);
        }

        await WaitForAsync(client, "/health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        var after = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{written["id"]}"), HttpStatusCode.OK);
        Assert.That(after["outcome"]!.GetValue<string>(), Is.EqualTo("connected"), "the acknowledged write survived");
        await database.DropAsync();
    }

    private static async Task WaitForAsync(HttpClient client, string path, HttpStatusCode expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        HttpStatusCode last = 0;
        while (DateTime.UtcNow < deadline)
        {
            last = (await client.GetAsync(path)).StatusCode;
            if (last == expected) return;
            await Task.Delay(250);
        }
        Assert.Fail($"{path} did not answer {(int)expected} within {within.TotalSeconds} s (last: {(int)last}).");
    }

    private static async Task Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync();
    }
}
