using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Domain.Webhooks;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>Webhooks racing feedback lose nothing; text is stored verbatim; hostile text is refused.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class ConcurrencyAndTextTests(DatabaseEngine engine) : ApiFixture(engine)
{
    [Test]
    public async Task WebhooksRacingFeedbackUpdates_LoseNeitherChange()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        for (var round = 0; round < 5; round++)
        {
            var driverId = await Api.NewDriverAsync();
            var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
            var callId = created["id"]!.GetValue<string>();
            var hooks = Webhooks.HappyPath(callId, "req-race-" + round, "919876543210", talkSeconds: 60 + round, recording: $"rec_{round}.mp3").ToList();

            var tasks = hooks.Select(h => Api.PostWebhookAsync(h)).ToList();
            var feedback = agent.PutAsJsonAsync($"/api/calls/{callId}/feedback", new { outcome = "interested", remarks = $"round {round}" });
            tasks.Add(feedback);
            var responses = await Task.WhenAll(tasks);

            Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
            var call = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);
            Assert.Multiple(() =>
            {
                Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("completed"), "every webhook was applied");
                Assert.That(call["durationSeconds"]!.GetValue<int>(), Is.EqualTo(60 + round));
                Assert.That(call["recordingFileName"]!.GetValue<string>(), Is.EqualTo($"rec_{round}.mp3"));
                Assert.That(call["outcome"]!.GetValue<string>(), Is.EqualTo("interested"), "the feedback survived");
                Assert.That(call["remarks"]!.GetValue<string>(), Is.EqualTo($"round {round}"));
            });
        }
    }

    [Test]
    public async Task ManyDeliveriesForOneCallAtOnce_AreEachStoredOnceAndProcessed()
    {
        // Parallel deliveries for one call conflict on its version: the losers of the one-commit fast path
        // must fall back to storing raw and applying with retries -- every 200 one processed row, no duplicates.
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync();
        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        var hooks = Webhooks.HappyPath(callId, "req-burst", "919876543210", talkSeconds: 42, recording: "rec_burst.mp3").ToList();
        var burst = Enumerable.Range(0, 4).SelectMany(_ => hooks).ToList(); // every delivery four times

        var responses = await Task.WhenAll(burst.Select(h => Api.PostWebhookAsync(h)));
        var receipts = new List<long>();
        foreach (var response in responses)
            receipts.Add((await TestApi.ReadAsync(response, HttpStatusCode.OK))["deliveryId"]!.GetValue<long>());

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EchoedCallId == callId).ToListAsync();
        var call = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{callId}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(receipts, Is.Unique, "one row per delivery");
            Assert.That(rows.Select(r => r.Id), Is.EquivalentTo(receipts), "every acknowledged delivery is stored, and nothing else");
            Assert.That(rows.Select(r => r.Match), Is.All.AnyOf(WebhookMatch.Applied, WebhookMatch.NoChange), "all processed");
            Assert.That(rows.Select(r => r.ProcessedAt), Is.All.Not.Null);
            Assert.That(rows.Select(r => r.CallId), Is.All.EqualTo(callId));
            Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(call["durationSeconds"]!.GetValue<int>(), Is.EqualTo(42));
            Assert.That(call["recordingFileName"]!.GetValue<string>(), Is.EqualTo("rec_burst.mp3"));
        });
    }

    [Test]
    public async Task ABurstOfDeliveriesForManyCalls_IsStoredOnceEach_AndEveryCallCompletes()
    {
        // 60 deliveries at once for ten calls: the intake commits them in batches (group commit, ADR 0008) spread
        // over its writers; each 200 must still be its own processed row, and each call must end up complete.
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var calls = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = await Api.NewDriverAsync() }), HttpStatusCode.Created);
            calls.Add(created["id"]!.GetValue<string>());
        }
        var burst = calls.SelectMany((callId, i) => Webhooks.HappyPath(callId, $"req-many-{i}", "919876543210", talkSeconds: 30 + i, recording: null)
            .Select(hook => (callId, hook))).ToList();

        var responses = await Task.WhenAll(burst.Select(b => Api.PostWebhookAsync(b.hook)));
        var receipts = new List<(long Id, string? CallId)>();
        foreach (var response in responses)
        {
            var receipt = await TestApi.ReadAsync(response, HttpStatusCode.OK);
            receipts.Add((receipt["deliveryId"]!.GetValue<long>(), receipt["callId"]?.GetValue<string>()));
        }

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => calls.Contains(d.EchoedCallId!)).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(receipts.Select(r => r.Id), Is.Unique);
            Assert.That(rows.Select(r => r.Id), Is.EquivalentTo(receipts.Select(r => r.Id)), "every acknowledged delivery is stored once, nothing else");
            Assert.That(receipts.Select(r => r.CallId), Is.EqualTo(burst.Select(b => b.callId)), "each receipt names its own call");
            Assert.That(rows.Select(r => r.Match), Is.All.AnyOf(WebhookMatch.Applied, WebhookMatch.NoChange));
            Assert.That(rows.Select(r => r.ProcessedAt), Is.All.Not.Null);
        });
        for (var i = 0; i < calls.Count; i++)
        {
            var call = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{calls[i]}"), HttpStatusCode.OK);
            Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("completed"), calls[i]);
            Assert.That(call["durationSeconds"]!.GetValue<int>(), Is.EqualTo(30 + i), calls[i]);
        }
    }

    [TestCase("नमस्ते ड्राइवर 🚚🙏 — “quotes”, ‘single’, 𝄞")]
    [TestCase("Robert'); DROP TABLE call_logs;-- \" OR 1=1")]
    [TestCase("line one\nline two\ttabbed\r\nthird, with, commas")]
    public async Task UnicodeEmojiAndSqlLookingText_IsStoredAndReturnedVerbatim(string text)
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await Api.NewDriverAsync(name: "ड्राइवर 🚚");

        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual",
            new { driverId, outcome = "other", remarks = text, notes = text, feedback = text.Length <= 200 ? text : text[..200] }), HttpStatusCode.Created);
        var read = await TestApi.ReadAsync(await agent.GetAsync($"/api/calls/{created["id"]}"), HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(read["remarks"]!.GetValue<string>(), Is.EqualTo(text));
            Assert.That(Encoding.UTF8.GetBytes(read["notes"]!.GetValue<string>()), Is.EqualTo(Encoding.UTF8.GetBytes(text)), "byte-exact");
            Assert.That(read["driverName"]!.GetValue<string>(), Is.EqualTo("ड्राइवर 🚚"));
        });
    }

    [TestCase("nul\u0000byte")]
    [TestCase("escape\u001b[31m")]
    [TestCase("bell\u0007")]
    public async Task ControlCharacters_Are400_AndChangeNothing(string text)
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await Api.NewDriverAsync();
        var before = await DatabaseSnapshot.TakeAsync(Factory);

        var problem = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "other", remarks = text }),
            HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("remarks"));
        Assert.That(await DatabaseSnapshot.TakeAsync(Factory), Is.EqualTo(before));
    }
}
