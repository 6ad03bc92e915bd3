using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using TeleCmi.Infrastructure.Persistence.Availability;
using TeleCmi.IntegrationTests.Gateway.Support;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Foundation;

/// <summary>
/// Stops the real MariaDB server under the running service and starts it again: 503s meanwhile, recovery without a
/// restart, and the outage logged once (not once per request). Runs where the test environment may control the
/// server (CI sets TELECMI_TEST_MARIADB_CONTROL=1 and the start/stop commands).
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
        var logs = new CapturedLogs();
        await using var factory = new TeleCmiApiFactory(database, b => b.ConfigureLogging(l => l.AddProvider(logs)));
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
        // The outage is logged once, not per request: one Error when it began, one Information when it ended.
        var errors = logs.Lines.Where(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n---\n", errors));
        Assert.That(errors[0], Does.StartWith($"Error {typeof(DatabaseAvailability).FullName}: The database is unreachable"));
        Assert.That(logs.Lines.Count(l => l.Contains("The database is reachable again", StringComparison.Ordinal)), Is.EqualTo(1));
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
