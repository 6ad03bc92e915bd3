using Microsoft.Extensions.Options;
using TeleCmi.Application.Reports.Common;
using TeleCmi.Domain.Calls;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Application.Reports;

/// <summary>Today's live all-agent figures are reused for a few seconds, and never after a change of this process.</summary>
public sealed class TodayFiguresTests
{
    private static readonly DateOnly Today = new(2026, 3, 13);
    private FakeTimeProvider clock = null!;
    private int counted;

    [SetUp]
    public void SetUp()
    {
        clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 13, 9, 30, 0, TimeSpan.Zero));
        counted = 0;
    }

    [Test]
    public async Task WithinTheInterval_TheFiguresAreCountedOnce()
    {
        var today = Figures(seconds: 2);

        var first = await GetAsync(today);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        var second = await GetAsync(today);

        Assert.That(counted, Is.EqualTo(1));
        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public async Task AfterTheInterval_TheyAreCountedAgain()
    {
        var today = Figures(seconds: 2);

        await GetAsync(today);
        clock.Advance(TimeSpan.FromSeconds(2));
        await GetAsync(today);

        Assert.That(counted, Is.EqualTo(2));
    }

    [Test]
    public async Task AfterAChangeOfACall_TheyAreCountedAgain_AtOnce()
    {
        var today = Figures(seconds: 60);

        await GetAsync(today);
        today.CallsChanged();
        await GetAsync(today);
        await GetAsync(today);

        Assert.That(counted, Is.EqualTo(2), "recounted once after the change, then reused");
    }

    [Test]
    public async Task AChangeCommittedWhileCounting_IsNotHiddenByWhatWasCounted()
    {
        var today = Figures(seconds: 60);

        // The count started before the change was committed, so it may not include it: it must not be reused.
        await today.GetOrCountAsync("Asia/Kolkata", Today, null, () => { today.CallsChanged(); return Count(); });
        await GetAsync(today);

        Assert.That(counted, Is.EqualTo(2));
    }

    [Test]
    public async Task EachProviderFilter_HasItsOwnFigures()
    {
        var today = Figures(seconds: 60);

        await GetAsync(today, null);
        await GetAsync(today, CallProvider.Manual);
        await GetAsync(today, CallProvider.TeleCmi);
        await GetAsync(today, CallProvider.Manual);

        Assert.That(counted, Is.EqualTo(3));
    }

    [Test]
    public async Task ZeroSeconds_CountsForEveryReport()
    {
        var today = Figures(seconds: 0);

        await GetAsync(today);
        await GetAsync(today);

        Assert.That(counted, Is.EqualTo(2));
    }

    private TodayFigures Figures(int seconds) =>
        new(clock, Options.Create(new ReportRollupOptions { TodayCacheSeconds = seconds }));

    private Task<IReadOnlyDictionary<DateOnly, List<RollupRow>>> GetAsync(TodayFigures today, CallProvider? provider = null) =>
        today.GetOrCountAsync("Asia/Kolkata", Today, provider, Count);

    private Task<IReadOnlyDictionary<DateOnly, List<RollupRow>>> Count()
    {
        counted++;
        IReadOnlyDictionary<DateOnly, List<RollupRow>> rows = new Dictionary<DateOnly, List<RollupRow>>
        {
            [Today] = [new RollupRow(Today, CallProvider.TeleCmi, 4 * 16, counted, 60)],
        };
        return Task.FromResult(rows);
    }
}
