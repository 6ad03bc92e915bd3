using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NUnit.Framework;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Webhooks;
using TeleCmi.Infrastructure.Jobs;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Retention;

/// <summary>
/// Retention with a fixed clock: recordings past <c>Retention:RecordingDays</c> are gone (410), the driver's phone and
/// name on calls past <c>Retention:PersonalDataDays</c> are masked with the reports unchanged, raw webhook deliveries are
/// deleted by their rules; the daily job does it in batches, idempotently, only under the lease. Old calls are written
/// straight into the database (the API cannot backdate).
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class RetentionTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private static readonly TimeZoneInfo Ist = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    // Frozen at the start (tokens it stamps are valid now); the retention ages count from it.
    private readonly SettableClock clock = new(DateTimeOffset.UtcNow);
    private HttpClient supervisor = null!;
    private int agentId;

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("Retention:Enabled", "false"); // the tests run the job themselves
        builder.UseSetting("Retention:BatchSize", "2");   // so that every step takes several batches
        builder.UseSetting("Retention:PauseBetweenBatchesMilliseconds", "0");
        builder.UseSetting("Calls:SweepIntervalSeconds", "3600");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });
    }

    [OneTimeSetUp]
    public async Task AgentsAsync()
    {
        (_, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
    }

    private DateTime DaysAgo(double days) => clock.Now.UtcDateTime.AddDays(-days);

    private async Task<CallLog> OldCompletedCallAsync(double daysAgo, string phone, string? recording = "1700000000_5003.mp3")
    {
        var driverId = await Api.NewDriverAsync(phone, "Suresh Kumar");
        var at = DaysAgo(daysAgo);
        var call = CallLog.StartTeleCmiCall(agentId, new CallParty(driverId, "Suresh Kumar", "TM9", PhoneNumber.Parse(phone)), at);
        call.MarkDispatched("req-" + Guid.NewGuid().ToString("N")[..12], at.AddSeconds(1));
        call.Apply(new ProviderSignal(SignalKind.Cdr, CallLeg.Driver, "answered", at.AddSeconds(100), 75, "recv_bye", recording), at.AddSeconds(101));
        call.RecordFeedback(new AgentReport(CallOutcome.Interested, "old feedback"), at.AddMinutes(2));
        await WithDbAsync(async db =>
        {
            db.CallLogs.Add(call);
            await db.SaveChangesAsync();
        });
        return call;
    }

    private async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        using var scope = Factory.Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task<CallLog> StoredAsync(string callId)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CallLogs.AsNoTracking().SingleAsync(c => c.Id == callId);
    }

    private async Task RunJobAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
    }

    private string DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Ist)).ToString("yyyy-MM-dd");

    private async Task<string> DailyReportAsync(string day) =>
        (await TestApi.ReadAsync(await supervisor.GetAsync($"/api/reports/daily?from={day}&to={day}"), HttpStatusCode.OK))["days"]!.ToJsonString();

    [Test]
    public async Task ARecording181DaysOld_IsGone_AndTheJobClearsItsFileName_WhileA179DayOldOneIsServed()
    {
        var old = await OldCompletedCallAsync(181, "9876501181");
        var recent = await OldCompletedCallAsync(179, "9876501179");

        var gone = await supervisor.GetAsync($"/api/calls/{old.Id}/recording");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.Gone), "410 by age, before the job has run");
        Assert.That(gone.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await supervisor.GetAsync($"/api/calls/{recent.Id}/recording")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await RunJobAsync();

        var storedOld = await StoredAsync(old.Id);
        var storedRecent = await StoredAsync(recent.Id);
        Assert.Multiple(() =>
        {
            Assert.That(storedOld.RecordingFileName, Is.Null);
            Assert.That(storedOld.RecordingRemovedAt, Is.EqualTo(clock.Now.UtcDateTime).Within(TimeSpan.FromSeconds(1)));
            Assert.That(storedOld.TalkSeconds, Is.EqualTo(75), "the figures stay");
            Assert.That(storedRecent.RecordingFileName, Is.EqualTo("1700000000_5003.mp3"));
            Assert.That(storedRecent.RecordingRemovedAt, Is.Null);
        });
        Assert.That((await supervisor.GetAsync($"/api/calls/{old.Id}/recording")).StatusCode, Is.EqualTo(HttpStatusCode.Gone));
    }

    [Test]
    public async Task ACall731DaysOld_GetsItsPhoneAndNameMasked_AndThatDaysReportIsUnchanged()
    {
        var old = await OldCompletedCallAsync(731, "9876543210");
        var younger = await OldCompletedCallAsync(729, "9876501729");
        var day = DayOf(old.CreatedAt);
        var before = await DailyReportAsync(day);
        Assert.That(JsonNode.Parse(before)![0]!["figures"]!["calls"]!.GetValue<int>(), Is.EqualTo(1), "the day counts the old call");

        await RunJobAsync();

        var masked = await TestApi.ReadAsync(await supervisor.GetAsync($"/api/calls/{old.Id}"), HttpStatusCode.OK);
        var kept = await StoredAsync(younger.Id);
        Assert.Multiple(() =>
        {
            Assert.That(masked["driverPhone"]!.GetValue<string>(), Is.EqualTo("+91******3210"));
            Assert.That(masked["driverName"]!.GetValue<string>(), Is.EqualTo("(removed)"));
            Assert.That(masked["durationSeconds"]!.GetValue<int>(), Is.EqualTo(75));
            Assert.That(masked["status"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(masked["outcome"]!.GetValue<string>(), Is.EqualTo("interested"));
            Assert.That(kept.DriverPhone, Is.EqualTo("+919876501729"));
            Assert.That(kept.DriverName, Is.EqualTo("Suresh Kumar"));
        });
        Assert.That(await DailyReportAsync(day), Is.EqualTo(before));
    }

    [Test]
    public async Task TheJob_IsIdempotent_AndResumable_ChangingNothingTheSecondTime()
    {
        var calls = new List<CallLog>();
        for (var i = 0; i < 5; i++) calls.Add(await OldCompletedCallAsync(800, $"98765020{i:D2}"));
        await RunJobAsync();
        var first = new List<CallLog>();
        foreach (var c in calls) first.Add(await StoredAsync(c.Id));

        clock.Now = clock.Now.AddMinutes(5);
        await RunJobAsync();

        foreach (var c in calls)
        {
            var again = await StoredAsync(c.Id);
            var once = first.Single(f => f.Id == c.Id);
            Assert.That(again.PersonalDataRemovedAt, Is.EqualTo(once.PersonalDataRemovedAt), "the second run did not touch it");
            Assert.That(again.Version, Is.EqualTo(once.Version));
            Assert.That(again.DriverPhone, Does.StartWith("+91******"));
        }
    }

    [Test]
    public async Task TheJob_DoesNothing_WhileAnotherInstanceHoldsTheLease()
    {
        var old = await OldCompletedCallAsync(900, "9876503900");
        using (var scope = Factory.Services.CreateScope())
        {
            var lease = scope.ServiceProvider.GetRequiredService<IJobLease>();
            Assert.That(await lease.TryAcquireAsync(RetentionJob.LeaseName, "another-instance", TimeSpan.FromMinutes(5), CancellationToken.None), Is.True);
        }
        try
        {
            await RunJobAsync();
            Assert.That((await StoredAsync(old.Id)).PersonalDataRemovedAt, Is.Null);
        }
        finally
        {
            using var scope = Factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IJobLease>().ReleaseAsync(RetentionJob.LeaseName, "another-instance", CancellationToken.None);
        }
        await RunJobAsync();
        Assert.That((await StoredAsync(old.Id)).PersonalDataRemovedAt, Is.Not.Null);
    }

    [Test]
    public async Task WebhookDeliveries_SettledOnesGoAfter90Days_UnmatchedOnesAfter180()
    {
        var marker = Guid.NewGuid().ToString("N");
        long Settled91 = 0, Settled89 = 0, Unmatched91 = 0, Unmatched181 = 0, Received181 = 0, NoChange91 = 0;
        await WithDbAsync(async db =>
        {
            WebhookDelivery Delivery(double daysAgo, WebhookMatch? match)
            {
                var d = new WebhookDelivery($"{{\"marker\":\"{marker}\",\"age\":{daysAgo}}}", Guid.NewGuid().ToString("N"), DaysAgo(daysAgo));
                if (match is { } m) d.Processed(m, m == WebhookMatch.Unmatched ? null : "call_" + marker, DaysAgo(daysAgo), "test");
                db.WebhookDeliveries.Add(d);
                return d;
            }
            var settled91 = Delivery(91, WebhookMatch.Applied);
            var settled89 = Delivery(89, WebhookMatch.Applied);
            var noChange91 = Delivery(91, WebhookMatch.NoChange);
            var unmatched91 = Delivery(91, WebhookMatch.Unmatched);
            var unmatched181 = Delivery(181, WebhookMatch.Unmatched);
            var received181 = Delivery(181, null);
            await db.SaveChangesAsync();
            (Settled91, Settled89, NoChange91, Unmatched91, Unmatched181, Received181) =
                (settled91.Id, settled89.Id, noChange91.Id, unmatched91.Id, unmatched181.Id, received181.Id);
        });

        await RunJobAsync();

        List<long> left = [];
        await WithDbAsync(async db => left = await db.WebhookDeliveries.Where(d => d.Payload.Contains(marker)).Select(d => d.Id).ToListAsync());
        Assert.That(left, Is.EquivalentTo(new[] { Settled89, Unmatched91 }),
            "kept: a settled one of 89 days, an unmatched one of 91; deleted: settled/no-change of 91, unmatched/never processed of 181");
    }
}
