using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Application.Calls.ReconcileCalls;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Calls;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Gateway.Support;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>
/// Reconciliation against the stand-in's call records, through HTTP, on both engines: scenario 0007 (a real call whose
/// webhooks never come) ends with its true status, talk time and recording, <c>final</c>; the first call-record requests
/// fail (HTTP 500) and are retried by later runs without harm; a late webhook changes nothing; a call the webhooks ended
/// is left exactly as it is by its record.
/// </summary>
[Order(4)]
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class ReconciliationStandInTests(DatabaseEngine engine)
{
    private const int FailingRequests = 3;
    private SimulatedApp app = null!;
    private CallsApi api = null!;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        app = new SimulatedApp(new()
        {
            ["Reconciliation:AfterMinutes"] = "0.02", // 1.2 s
            ["Reconciliation:GiveUpAfterMinutes"] = "30",
            ["Reconciliation:IntervalSeconds"] = "1",
            ["Reconciliation:RequestSpacingMs"] = "0",
            ["TeleCmi:Simulator:CallRecordsFailFirst"] = FailingRequests.ToString(CultureInfo.InvariantCulture),
        }, database: TestDatabase.Create(engine));
        api = await CallsApi.SignInAsync(app.Start());
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        api?.Http.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Test, Order(1)]
    public async Task NoWebhooks_0007_AFailingCallRecordApiIsRetriedLater_ThenTheCallEndsCompleted_WithTalkTimeAndRecording_Final()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1008", "+919876500007"), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();

        await WaitForLogAsync("call records could not be read");
        var whileFailing = await api.GetAsync(callId);
        Assert.Multiple(() =>
        {
            Assert.That(whileFailing["status"]!.GetValue<string>(), Is.EqualTo("initiated"), "a failed fetch changes nothing");
            Assert.That(whileFailing["final"]!.GetValue<bool>(), Is.False);
        });

        var final = await api.WaitUntilAsync(callId, c => c["final"]!.GetValue<bool>(), "final");
        var stored = await StoredAsync(callId);

        Assert.Multiple(() =>
        {
            Assert.That(final["status"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(final["durationSeconds"]!.GetValue<int>(), Is.InRange(20, 240), "the stand-in's talk time");
            Assert.That(final["hasRecording"]!.GetValue<bool>(), Is.True);
            Assert.That(final["answeredAt"], Is.Not.Null);
            Assert.That(final["endedAt"], Is.Not.Null);
            Assert.That(stored.RecordingFileName, Does.EndWith($"_{callId}.wav"));
            Assert.That(app.Logs.Lines.Count(l => l.Contains("call records could not be read")), Is.GreaterThanOrEqualTo(1));
            Assert.That(app.TeleCmiRequests.Count("/v2/out_answered") + app.TeleCmiRequests.Count("/v2/out_missed"),
                Is.GreaterThan(FailingRequests), "asked again after the failures");
            var body = app.TeleCmiRequests.Bodies("/v2/out_answered")[^1];
            Assert.That((body["appid"]!.GetValue<long>(), body["limit"]!.GetValue<int>() <= 20, body["secret"] is not null),
                Is.EqualTo((1111112L, true, true)));
            Assert.That(body["end_date"]!.GetValue<long>() - body["start_date"]!.GetValue<long>(), Is.InRange(1, 3_600_000), "epoch ms");
        });
        var recording = await api.Http.GetAsync($"/api/calls/{callId}/recording");
        Assert.That(recording.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the recording TeleCMI's record names plays");
    }

    [Test, Order(2)]
    public async Task ALateWebhook_AfterReconciliation_ChangesNothing()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1009", "+919876510007"), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        var reconciled = await api.WaitUntilAsync(callId, c => c["final"]!.GetValue<bool>(), "final");
        var stored = await StoredAsync(callId);
        var requestId = created["teleCmiRequestId"]!.GetValue<string>();

        // What TeleCMI's lost webhooks said, arriving at last: the driver leg answering and both CDRs, TeleCMI's times.
        var ended = new DateTimeOffset(stored.EndedAt!.Value).ToUnixTimeMilliseconds();
        var answered = new DateTimeOffset(stored.AnsweredAt!.Value).ToUnixTimeMilliseconds();
        foreach (var hook in new[]
                 {
                     Hook(callId, requestId, "event", "b", "answered", answered),
                     Hook(callId, requestId, "cdr", "a", "answered", ended, ("answeredsec", stored.TalkSeconds!.Value + 7), ("hangup_reason", "sent_bye")),
                     Hook(callId, requestId, "cdr", "b", "answered", ended, ("answeredsec", stored.TalkSeconds!.Value), ("hangup_reason", "recv_bye"),
                         ("record", true), ("filename", stored.RecordingFileName!)),
                 })
        {
            var response = await api.Http.PostAsJsonAsync($"/api/webhooks/telecmi?token={SimulatedApp.DevelopmentWebhookToken}", hook);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }
        var after = await api.GetAsync(callId);

        Assert.That(Outcome(after), Is.EqualTo(Outcome(reconciled)));
        var again = await StoredAsync(callId);
        Assert.That((again.Status, again.TalkSeconds, again.RecordingFileName, again.AnsweredAt, again.EndedAt),
            Is.EqualTo((stored.Status, stored.TalkSeconds, stored.RecordingFileName, stored.AnsweredAt, stored.EndedAt)));
    }

    [Test, Order(3)]
    public async Task WebhooksFirst_ThenTheCallsRecord_ChangesNothing_TheResultIsIdentical()
    {
        var created = await CallsApi.ReadAsync(await api.PlaceAsync("DRV-1010"), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<string>();
        var byWebhooks = await api.WaitUntilAsync(callId, c => c["final"]!.GetValue<bool>(), "final");
        var before = await StoredAsync(callId);

        // The record TeleCMI keeps of that call, read through the service's own gateway and matching rules.
        await using var scope = app.Services.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<ITeleCmiCallRecords>();
        var page = await records.ListAsync(CallRecordKind.Answered, before.CreatedAt.AddMinutes(-2), before.CreatedAt.AddMinutes(2), 1, 20, default);
        var found = page as CallRecordsPage.Found;
        Assert.That(found, Is.Not.Null, page.ToString());
        var record = CallRecordMatcher.Match(before, "5003_1111112", found!.Records, TimeSpan.FromMinutes(2));
        Assert.That(record, Is.Not.Null, "the record of the call is found by agent, number and time");

        var changed = CallRecordFacts.For(record!).Select(signal => before.Apply(signal, DateTime.UtcNow)).ToList();

        Assert.That(changed, Has.All.False, "the record teaches nothing the webhooks had not");
        await Task.Delay(TimeSpan.FromSeconds(2)); // reconciliation runs every second: a final call is not its business
        Assert.That(Outcome(await api.GetAsync(callId)), Is.EqualTo(Outcome(byWebhooks)));
    }

    private static object Outcome(JsonObject call) => (
        call["status"]!.GetValue<string>(), call["final"]!.GetValue<bool>(), call["durationSeconds"]?.GetValue<int>(),
        call["hasRecording"]!.GetValue<bool>(), call["missedBy"]?.ToJsonString(), call["answeredAt"]?.ToJsonString(), call["endedAt"]?.ToJsonString());

    private static JsonObject Hook(string callId, string requestId, string type, string leg, string status, long timeMs,
        params (string Key, object Value)[] more)
    {
        var body = new JsonObject
        {
            ["type"] = type, ["status"] = status, ["leg"] = leg, ["direction"] = "outbound", ["request_id"] = requestId,
            ["cmiuuid"] = $"late-{leg}-{callId[^6..]}", ["user"] = "5003_1111112", ["appid"] = 1111112, ["time"] = timeMs,
            ["extra_params"] = new JsonObject { ["call_id"] = callId },
        };
        foreach (var (key, value) in more) body[key] = JsonValue.Create(value);
        return body;
    }

    private async Task<CallLog> StoredAsync(string callId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CallLogs.AsNoTracking().SingleAsync(c => c.Id == callId);
    }

    private async Task WaitForLogAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!app.Logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"No log line with '{text}' within 30 s");
            await Task.Delay(50);
        }
    }
}
