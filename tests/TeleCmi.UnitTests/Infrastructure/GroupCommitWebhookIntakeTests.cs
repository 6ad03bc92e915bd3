using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Webhooks.Common;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Webhooks;
using TeleCmi.Infrastructure.Webhooks;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Infrastructure;

/// <summary>
/// The webhook intake's group commit on a real (SQLite) database: deliveries that arrive while a batch commits go
/// into the next one together; a batch that cannot commit is stored one by one; one bad delivery fails alone.
/// </summary>
public sealed class GroupCommitWebhookIntakeTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private SqliteTestDatabase database = null!;
    private RecordedMetrics metrics = null!;
    private SaveGate gate = null!;
    private ServiceProvider services = null!;
    private GroupCommitWebhookIntake intake = null!;
    private string callA = null!, callB = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = new SqliteTestDatabase();
        metrics = new RecordedMetrics();
        gate = new SaveGate();
        await using (var seed = database.NewContext())
        {
            var now = Start.UtcDateTime;
            var agent = await seed.AddAgentAsync("asha", AgentRole.Telecaller, now, TestData.TeleCmiUserId, callingAllowed: true);
            await seed.AddDriverAsync("DRV-1", "9876543210", now);
            var a = CallLog.StartTeleCmiCall(agent.Id, CallFacts.Driver, now);
            a.MarkDispatched("req-a", now.AddSeconds(1));
            var b = CallLog.StartTeleCmiCall(agent.Id, CallFacts.Driver, now);
            b.MarkDispatched("req-b", now.AddSeconds(1));
            seed.CallLogs.AddRange(a, b);
            await seed.SaveChangesAsync();
            (callA, callB) = (a.Id, b.Id);
        }
        services = new ServiceCollection()
            .AddScoped<IAppDbContext>(_ => database.NewContext(gate))
            .AddScoped<WebhookApplier>()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Start.AddMinutes(1)))
            .AddSingleton(metrics.Metrics)
            .AddLogging()
            .BuildServiceProvider();
        // One writer: the in-memory SQLite database is one connection, which two writers must not share.
        intake = new GroupCommitWebhookIntake(services.GetRequiredService<IServiceScopeFactory>(), metrics.Metrics,
            Options.Create(new WebhookIntakeOptions { Writers = 1 }), NullLogger<GroupCommitWebhookIntake>.Instance);
    }

    [TearDown]
    public async Task TearDown()
    {
        gate.Release.TrySetResult();
        await intake.DisposeAsync();
        await services.DisposeAsync();
        database.Dispose();
        metrics.Dispose();
    }

    [Test]
    public async Task DeliveriesArrivingWhileABatchCommits_AreCommittedTogether_InOneSave_InArrivalOrder()
    {
        var first = intake.StoreAsync(Incoming(callA, "a", "event", "started"));
        await gate.Entered.Task; // the writer is committing the first delivery; the next ones queue up
        var rest = new[]
        {
            Incoming(callA, "a", "event", "answered"), Incoming(callA, "b", "event", "started"), Incoming(callA, "b", "event", "answered"),
            Incoming(callA, "b", "cdr", "answered", talkSeconds: 42), Incoming(callB, "b", "cdr", "missed"),
        }.Select(intake.StoreAsync).ToList();
        gate.Release.SetResult();
        var receipts = await Task.WhenAll(rest.Prepend(first));

        await using var check = database.NewContext();
        var rows = await check.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        var a = await check.CallLogs.AsNoTracking().SingleAsync(c => c.Id == callA);
        var b = await check.CallLogs.AsNoTracking().SingleAsync(c => c.Id == callB);
        Assert.Multiple(() =>
        {
            Assert.That(gate.AddedDeliveriesPerSave, Is.EqualTo(new[] { 1, 5 }), "the five waiting deliveries: one save");
            Assert.That(receipts.Select(r => r.DeliveryId), Is.EqualTo(rows.Select(r => r.Id)), "each its own row, in arrival order");
            Assert.That(receipts.Select(r => r.Result), Is.All.EqualTo(WebhookMatch.Applied));
            Assert.That(receipts.Select(r => r.CallId), Is.EqualTo(new[] { callA, callA, callA, callA, callA, callB }));
            Assert.That(rows.Select(r => r.ProcessedAt), Is.All.Not.Null);
            Assert.That(a.Status, Is.EqualTo(CallStatus.Completed), "the same call's deliveries applied one after the other");
            Assert.That(a.TalkSeconds, Is.EqualTo(42));
            Assert.That(b.Status, Is.EqualTo(CallStatus.Missed));
            Assert.That(metrics.Of("telecmi.webhooks.batch_size", ("outcome", "committed")).Select(m => m.Value), Is.EqualTo(new[] { 1.0, 5.0 }));
        });
    }

    [Test]
    public async Task ABatchThatCannotCommit_IsStoredOneByOne_AndLosesNothing()
    {
        gate.FailWhen = added => added.Count > 1; // any save of more than one delivery fails
        var first = intake.StoreAsync(Incoming(callA, "a", "event", "started"));
        await gate.Entered.Task;
        var rest = new[]
        {
            Incoming(callA, "a", "event", "answered"), Incoming(callB, "a", "event", "started"), Incoming(callB, "b", "cdr", "missed"),
        }.Select(intake.StoreAsync).ToList();
        gate.Release.SetResult();
        var receipts = await Task.WhenAll(rest.Prepend(first));

        await using var check = database.NewContext();
        var rows = await check.WebhookDeliveries.AsNoTracking().ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(gate.AddedDeliveriesPerSave, Is.EqualTo(new[] { 1, 3, 1, 1, 1 }), "the failed batch, then each alone");
            Assert.That(rows.Select(r => r.Id), Is.EquivalentTo(receipts.Select(r => r.DeliveryId)), "nothing lost, nothing twice");
            Assert.That(rows.Select(r => r.Match), Is.All.EqualTo(WebhookMatch.Applied));
            Assert.That(metrics.Of("telecmi.webhooks.batch_size", ("outcome", "split")).Select(m => m.Value), Is.EqualTo(new[] { 3.0 }));
        });
        Assert.That((await check.CallLogs.AsNoTracking().SingleAsync(c => c.Id == callB)).Status, Is.EqualTo(CallStatus.Missed));
    }

    [Test]
    public async Task ADeliveryThatCannotBeStored_FailsAlone()
    {
        gate.FailWhen = added => added.Any(d => d.Payload.Contains("\"poison\""));
        var first = intake.StoreAsync(Incoming(callA, "a", "event", "started"));
        await gate.Entered.Task;
        var poisoned = intake.StoreAsync(Incoming(callB, "a", "event", "started", extra: "poison"));
        var good = intake.StoreAsync(Incoming(callB, "b", "cdr", "missed"));
        gate.Release.SetResult();

        Assert.ThrowsAsync<DbUpdateException>(async () => await poisoned);
        var receipts = await Task.WhenAll(first, good);
        await using var check = database.NewContext();
        Assert.That(await check.WebhookDeliveries.AsNoTracking().Select(d => d.Id).ToListAsync(),
            Is.EquivalentTo(receipts.Select(r => r.DeliveryId)), "the two good deliveries are stored, the bad one is not");
    }

    [Test]
    public async Task Dispose_WaitsForQueuedDeliveries_AndRefusesNewOnes()
    {
        var first = intake.StoreAsync(Incoming(callA, "a", "event", "started"));
        await gate.Entered.Task;
        var queued = intake.StoreAsync(Incoming(callA, "a", "event", "answered"));
        var disposing = intake.DisposeAsync().AsTask();
        gate.Release.SetResult();
        await disposing;

        Assert.That((await Task.WhenAll(first, queued)).Select(r => r.Result), Is.All.EqualTo(WebhookMatch.Applied));
        Assert.Throws<ObjectDisposedException>(() => intake.StoreAsync(Incoming(callA, "b", "event", "started")));
    }

    private static IncomingWebhook Incoming(string callId, string leg, string type, string status, int? talkSeconds = null, string? extra = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["type"] = type, ["status"] = status, ["leg"] = leg, ["cmiuuid"] = $"{leg}-leg-{callId}", ["conversation_uuid"] = $"conv-{callId}",
            ["to"] = leg == "a" ? "919100000001" : "919876543210", ["time"] = Start.AddSeconds(30).ToUnixTimeMilliseconds(),
            ["extra_params"] = new { call_id = callId },
        };
        if (talkSeconds is not null) fields["answeredsec"] = talkSeconds;
        if (extra is not null) fields[extra] = true;
        var body = JsonSerializer.Serialize(fields);
        return new IncomingWebhook(body, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))), Start.AddMinutes(1).UtcDateTime,
            TeleCmiWebhook.Parse(body));
    }

    /// <summary>Holds the first save until released, records what each save adds, and fails the saves it is told to.</summary>
    private sealed class SaveGate : SaveChangesInterceptor
    {
        private int saves;
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Func<IReadOnlyList<WebhookDelivery>, bool> FailWhen { get; set; } = _ => false;
        public List<int> AddedDeliveriesPerSave { get; } = [];

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            var added = eventData.Context!.ChangeTracker.Entries<WebhookDelivery>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            if (added.Count == 0) return result; // not the intake's save (e.g. applying a delivery stored raw)
            AddedDeliveriesPerSave.Add(added.Count);
            if (Interlocked.Increment(ref saves) == 1)
            {
                Entered.TrySetResult();
                await Release.Task;
            }
            if (FailWhen(added)) throw new DbUpdateException("Injected failure.");
            return result;
        }
    }
}
