using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Infrastructure.Jobs.Leases;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Operations;

/// <summary>
/// The database lease for background jobs on the real engine: contenders racing for a free lease get one winner; a
/// valid lease is refused to others and renewed by its holder; an expired one is taken over; a release frees it.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class JobLeaseTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private readonly MovableClock clock = new(new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task ContendersRacingForAFreeLease_ExactlyOneWins()
    {
        var name = NewName();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => WithLeaseAsync(l => l.TryAcquireAsync(name, $"instance-{i}", TimeSpan.FromMinutes(1), default))));

        Assert.That(results.Count(won => won), Is.EqualTo(1), string.Join(",", results));
    }

    [Test]
    public async Task AnExpiredLease_IsTakenOverByOneContender()
    {
        var name = NewName();
        Assert.That(await WithLeaseAsync(l => l.TryAcquireAsync(name, "crashed", TimeSpan.FromSeconds(30), default)), Is.True);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.That(await WithLeaseAsync(l => l.TryAcquireAsync(name, "other", TimeSpan.FromSeconds(30), default)), Is.False, "still valid");
        clock.Advance(TimeSpan.FromSeconds(2));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => WithLeaseAsync(l => l.TryAcquireAsync(name, $"taker-{i}", TimeSpan.FromSeconds(30), default))));

        Assert.That(results.Count(won => won), Is.EqualTo(1), string.Join(",", results));
        Assert.That(await WithLeaseAsync(l => l.RenewAsync(name, "crashed", TimeSpan.FromSeconds(30), default)), Is.False, "the old holder lost it");
        Assert.That(await HolderAsync(name), Does.StartWith("taker-"));
    }

    [Test]
    public async Task TheHolder_RenewsAndReacquires_OthersAreRefusedUntilItReleases()
    {
        var name = NewName();
        Assert.That(await WithLeaseAsync(l => l.TryAcquireAsync(name, "a", TimeSpan.FromSeconds(30), default)), Is.True);
        clock.Advance(TimeSpan.FromSeconds(25));
        Assert.That(await WithLeaseAsync(l => l.RenewAsync(name, "a", TimeSpan.FromSeconds(30), default)), Is.True);
        clock.Advance(TimeSpan.FromSeconds(25)); // 50 s after the first take: valid only thanks to the renewal
        Assert.That(await WithLeaseAsync(l => l.TryAcquireAsync(name, "b", TimeSpan.FromSeconds(30), default)), Is.False);
        Assert.That(await WithLeaseAsync(l => l.TryAcquireAsync(name, "a", TimeSpan.FromSeconds(30), default)), Is.True, "its own lease");

        await WithLeaseAsync(async l => { await l.ReleaseAsync(name, "b", default); return true; }); // not b's: no effect
        Assert.That(await WithLeaseAsync(l => l.TryAcquireAsync(name, "b", TimeSpan.FromSeconds(30), default)), Is.False);
        await WithLeaseAsync(async l => { await l.ReleaseAsync(name, "a", default); return true; });
        Assert.That(await WithLeaseAsync(l => l.TryAcquireAsync(name, "b", TimeSpan.FromSeconds(30), default)), Is.True);
    }

    private static string NewName() => "test-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<bool> WithLeaseAsync(Func<DatabaseJobLease, Task<bool>> use)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(new DatabaseJobLease(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock));
    }

    private async Task<string?> HolderAsync(string name)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.JobLeases.FindAsync(name))?.Holder;
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private long ticks = start.UtcTicks;
        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
        public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
    }
}
