using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Security;

/// <summary>Limits:MaxRequestBodyBytes, bound as options, is the limit the app enforces (here lowered to 1,500 bytes).</summary>
public sealed class ConfiguredBodyLimitTests() : ApiFixture(DatabaseEngine.Sqlite)
{
    protected override void ConfigureService(IWebHostBuilder builder) => builder.UseSetting("Limits:MaxRequestBodyBytes", "1500");

    [TestCase(1000, HttpStatusCode.Created)]
    [TestCase(1900, HttpStatusCode.RequestEntityTooLarge)] // valid remarks (up to 2,000): only the size refuses it
    public async Task ABody_IsJudgedByTheConfiguredLimit(int remarksLength, HttpStatusCode expected)
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await Api.NewDriverAsync();

        var response = await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected", remarks = new string('x', remarksLength) });

        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }
}
