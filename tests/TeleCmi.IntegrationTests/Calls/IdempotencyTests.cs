using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>The Idempotency-Key header on POST /api/calls and POST /api/calls/manual.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class IdempotencyTests(DatabaseEngine engine) : ApiFixture(engine)
{
    [Test]
    public async Task SameKeyTwice_ReplaysTheFirstResponse_WithoutCallingTeleCmiAgain()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var body = Body(new { driverId = await Api.NewDriverAsync() });
        var key = NewKey();

        var first = await PostAsync(agent, "/api/calls", body, key);
        var second = await PostAsync(agent, "/api/calls", body, key);

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(second.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.EqualTo(await first.Content.ReadAsByteArrayAsync()), "body byte for byte");
            Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(second.Content.Headers.ContentType?.MediaType, Is.EqualTo(first.Content.Headers.ContentType?.MediaType));
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1), "TeleCMI asked once");
            Assert.That(await CallCountAsync(agent), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task CompletedKey_IsKeptForTheRetentionPeriod()
    {
        var (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var key = NewKey();
        var before = DateTime.UtcNow;

        await TestApi.ReadAsync(await PostAsync(agent, "/api/calls", Body(new { driverId = await Api.NewDriverAsync() }), key), HttpStatusCode.Created);

        using var scope = Factory.Services.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<AppDbContext>().IdempotencyRecords.AsNoTracking()
            .SingleAsync(r => r.AgentId == agentId && r.Key == key);
        Assert.Multiple(() =>
        {
            Assert.That(record.Endpoint, Is.EqualTo("POST /api/calls"));
            Assert.That(record.StatusCode, Is.EqualTo(201));
            Assert.That(record.ExpiresAt, Is.GreaterThanOrEqualTo(before.AddHours(24)));
        });
    }

    [Test]
    public async Task SameKeyWithAnotherBody_Is422_AndNothingIsCalled()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var key = NewKey();
        await TestApi.ReadAsync(await PostAsync(agent, "/api/calls", Body(new { driverId = await Api.NewDriverAsync() }), key), HttpStatusCode.Created);

        var response = await PostAsync(agent, "/api/calls", Body(new { driverId = await Api.NewDriverAsync() }), key);

        var problem = await TestApi.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("different request body"));
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task SameKeyFromAnotherAgent_IsIndependent()
    {
        var (first, firstId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var (second, secondId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var body = Body(new { driverId = await Api.NewDriverAsync() });
        var key = NewKey();

        var a = await TestApi.ReadAsync(await PostAsync(first, "/api/calls", body, key), HttpStatusCode.Created);
        var responseB = await PostAsync(second, "/api/calls", body, key);
        var b = await TestApi.ReadAsync(responseB, HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(responseB.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(a["agentId"]!.GetValue<int>(), Is.EqualTo(firstId));
            Assert.That(b["agentId"]!.GetValue<int>(), Is.EqualTo(secondId));
            Assert.That(b["id"]!.GetValue<string>(), Is.Not.EqualTo(a["id"]!.GetValue<string>()));
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task KeysDifferingOnlyInCase_AreDifferentKeys()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var body = Body(new { driverId = await Api.NewDriverAsync(), outcome = "busy" });
        var key = "Key-" + Guid.NewGuid().ToString("N").ToUpperInvariant();

        var upper = await PostAsync(agent, "/api/calls/manual", body, key);
        var lower = await PostAsync(agent, "/api/calls/manual", body, key.ToLowerInvariant());

        Assert.Multiple(async () =>
        {
            Assert.That(upper.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(lower.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(lower.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(await CallCountAsync(agent), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task TwentyParallelRequestsWithOneKey_CallTeleCmiOnce_AndAllSuccessesCarryTheSameCall()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var body = Body(new { driverId = await Api.NewDriverAsync() });
        var key = NewKey();
        Factory.Gateway.Answer = async _ =>
        {
            await Task.Delay(300);
            return new ClickToCallResult.Accepted("req-" + Guid.NewGuid().ToString("N")[..12]);
        };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(agent, "/api/calls", body, key)));

        var created = new List<string>();
        foreach (var response in responses)
        {
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            if (response.StatusCode == HttpStatusCode.Created) created.Add(json["id"]!.GetValue<string>());
            else
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), json.ToJsonString());
                Assert.That(json["title"]!.GetValue<string>(), Is.EqualTo("Request in progress."), "the key's 409, not the double-tap guard's");
            }
        }
        var replay = await TestApi.ReadAsync(await PostAsync(agent, "/api/calls", body, key), HttpStatusCode.Created);
        Assert.Multiple(async () =>
        {
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1), "TeleCMI asked once");
            Assert.That(await CallCountAsync(agent), Is.EqualTo(1));
            Assert.That(created, Is.Not.Empty);
            Assert.That(created.Distinct(), Is.EqualTo(new[] { replay["id"]!.GetValue<string>() }));
        });
    }

    [Test]
    public async Task NotFound_DoesNotBurnTheKey_TheSameRequestSucceedsOnceTheDriverExists()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = "DRV-" + Guid.NewGuid().ToString("N")[..10];
        var body = Body(new { driverId });
        var key = NewKey();

        await TestApi.ReadAsync(await PostAsync(agent, "/api/calls", body, key), HttpStatusCode.NotFound);
        var admin = await Api.AdminAsync();
        var driver = await admin.PostAsJsonAsync("/api/drivers", new { id = driverId, name = "Late Driver", phone = "9876543210", tmId = "TM1", kind = "driver" });
        Assert.That(driver.StatusCode, Is.EqualTo(HttpStatusCode.Created), await driver.Content.ReadAsStringAsync());
        var retry = await PostAsync(agent, "/api/calls", body, key);

        await TestApi.ReadAsync(retry, HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            Assert.That(retry.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task TeleCmiRefusal502_IsStoredAndReplayed_WithoutDiallingAgain()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var body = Body(new { driverId = await Api.NewDriverAsync() });
        var key = NewKey();
        Factory.Gateway.Answer = _ => Task.FromResult<ClickToCallResult>(new ClickToCallResult.Refused(404, "Invalid user"));

        var first = await PostAsync(agent, "/api/calls", body, key);
        Factory.Gateway.Answer = _ => Task.FromResult<ClickToCallResult>(new ClickToCallResult.Accepted("req-should-not-happen"));
        var second = await PostAsync(agent, "/api/calls", body, key);

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(second.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.EqualTo(await first.Content.ReadAsByteArrayAsync()));
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1));
            Assert.That(await CallCountAsync(agent), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ManualCall_WithTheSameKey_IsLoggedOnce()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var body = Body(new { driverId = await Api.NewDriverAsync(), outcome = "busy", remarks = "Line busy" });
        var key = NewKey();

        var first = await TestApi.ReadAsync(await PostAsync(agent, "/api/calls/manual", body, key), HttpStatusCode.Created);
        var response = await PostAsync(agent, "/api/calls/manual", body, key);
        var second = await TestApi.ReadAsync(response, HttpStatusCode.Created);

        Assert.Multiple(async () =>
        {
            Assert.That(response.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That(second["id"]!.GetValue<string>(), Is.EqualTo(first["id"]!.GetValue<string>()));
            Assert.That(await CallCountAsync(agent), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task KeyLongerThan255Characters_Is400NamingTheHeader()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);

        var response = await PostAsync(agent, "/api/calls/manual", Body(new { driverId = await Api.NewDriverAsync(), outcome = "busy" }), new string('k', 256));

        var problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Multiple(async () =>
        {
            Assert.That(problem["errors"]!.AsObject().ContainsKey("Idempotency-Key"), Is.True, problem.ToJsonString());
            Assert.That(await CallCountAsync(agent), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task KeyWithNonAsciiCharacters_Is400()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);

        var response = await PostAsync(agent, "/api/calls/manual", Body(new { driverId = await Api.NewDriverAsync(), outcome = "busy" }), "schlüssel-1");

        var problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().ContainsKey("Idempotency-Key"), Is.True, problem.ToJsonString());
    }

    [Test]
    public async Task InvalidBody_Is400_AndLeavesNoClaimBehind()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await Api.NewDriverAsync();
        var key = NewKey();

        var invalid = await PostAsync(agent, "/api/calls/manual", Body(new { driverId, outcome = "no_such_outcome" }), key);
        var retry = await PostAsync(agent, "/api/calls/manual", Body(new { driverId, outcome = "no_such_outcome" }), key);

        Assert.Multiple(() =>
        {
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "not a stale 409 claim, not a replay");
            Assert.That(retry.Headers.Contains("Idempotent-Replayed"), Is.False);
        });
        using var scope = Factory.Services.CreateScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<AppDbContext>().IdempotencyRecords.AnyAsync(r => r.Key == key), Is.False);
    }

    [Test]
    public async Task KeyWithoutToken_Is401()
    {
        var response = await PostAsync(Api.Anonymous(), "/api/calls", Body(new { driverId = "DRV-1001" }), NewKey());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private static string Body(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string json, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<int> CallCountAsync(HttpClient agent) =>
        (await TestApi.ReadAsync(await agent.GetAsync("/api/calls"), HttpStatusCode.OK))["total"]!.GetValue<int>();
}
