using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Reports.Common;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Application.Reports;

public sealed class ReportRollupTests
{
    private static ReportRollup Rollup(DateTimeOffset now) =>
        new(Mock.Of<IAppDbContext>(), new BusinessCalendar(Options.Create(new BusinessTimeOptions { TimeZone = "Asia/Kolkata" }), new FakeTimeProvider(now)),
            new ReportRollupGate(), Options.Create(new ReportRollupOptions()), NullLogger<ReportRollup>.Instance);

    [TestCase("2026-03-13T09:30:00Z", "2026-03-12")] // 15:00 IST: yesterday is closed
    [TestCase("2026-03-12T18:39:59Z", "2026-03-11")] // 00:09:59 IST: yesterday ended under ten minutes ago, still live
    [TestCase("2026-03-12T18:40:00Z", "2026-03-12")] // 00:10 IST: now it is rolled up
    [TestCase("2026-03-12T18:29:59Z", "2026-03-11")] // 23:59:59 IST on the 12th
    public void LastRolledDay_IsYesterday_TenMinutesAfterMidnightInIst(string utcNow, string expected) =>
        Assert.That(Rollup(DateTimeOffset.Parse(utcNow)).LastRolledDay, Is.EqualTo(DateOnly.Parse(expected)));

    [Test]
    public void Ranges_SplitDaysIntoConsecutiveRuns()
    {
        DateOnly D(int day) => new(2026, 3, day);
        Assert.That(ReportRollup.Ranges([D(1), D(2), D(3), D(5), D(7), D(8)]),
            Is.EqualTo(new[] { (D(1), D(3)), (D(5), D(5)), (D(7), D(8)) }));
        Assert.That(ReportRollup.Ranges([]), Is.Empty);
    }
}
