using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Compatibility;

/// <summary><c>Compatibility:SeedRoutesEnabled=false</c>: the seed's path is an unknown route, whatever is sent.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class SeedRoutesOffTests(DatabaseEngine engine) : ApiFixture(engine)
{
    protected override void ConfigureService(IWebHostBuilder builder) => builder.UseSetting("Compatibility:SeedRoutesEnabled", "false");

    [TestCase("POST", "click_to_call", true)]
    [TestCase("POST", "click_to_call", false)]
    [TestCase("GET", "get_call_logs", true)]
    [TestCase("POST", "webhook", false)]
    public async Task TheSeedsRoutes_Are404Problems_LikeAnUnknownRoute(string method, string action, bool signedIn)
    {
        var client = signedIn ? (await new SeedClient(Api).NewCallerAsync()).Client : Api.Anonymous();
        var request = new HttpRequestMessage(new HttpMethod(method), $"{SeedClient.Url}?action={action}&caller_id=3&token={TeleCmiApiFactory.WebhookToken}");
        if (method == "POST") request.Content = JsonContent.Create(new { caller_id = 3, driver_id = "driver_123", driver_mobile = "919876543210" });

        var response = await client.SendAsync(request);
        var unknown = await client.GetAsync("/api/no-such-route");

        var problem = await TestApi.ReadAsync(response, HttpStatusCode.NotFound);
        var unknownProblem = await TestApi.ReadAsync(unknown, HttpStatusCode.NotFound);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo(unknownProblem["title"]!.GetValue<string>()));
            Assert.That(problem["type"]!.GetValue<string>(), Is.EqualTo(unknownProblem["type"]!.GetValue<string>()));
            Assert.That(problem.ContainsKey("success"), Is.False);
            Assert.That(Factory.Gateway.Requests, Is.Empty);
        });
    }
}
