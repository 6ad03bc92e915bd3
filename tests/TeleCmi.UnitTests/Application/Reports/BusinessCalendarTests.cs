using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Time;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Application.Reports;

public sealed class BusinessCalendarTests
{
    private static BusinessCalendar Calendar(string zone, DateTimeOffset now) =>
        new(Options.Create(new BusinessTimeOptions { TimeZone = zone }), new FakeTimeProvider(now));

    [TestCase("2026-03-12T18:29:59Z", "2026-03-12")] // 23:59:59 IST
    [TestCase("2026-03-12T18:30:00Z", "2026-03-13")] // 00:00 IST, still the 12th in UTC
    [TestCase("2026-03-13T09:30:00Z", "2026-03-13")]
    public void Today_IsTheDateInIst_NotUtc(string utcNow, string expected)
    {
        var calendar = Calendar("Asia/Kolkata", DateTimeOffset.Parse(utcNow));
        Assert.That(calendar.Today, Is.EqualTo(DateOnly.Parse(expected)));
    }

    [Test]
    public void IstDayStarts_At1830UtcTheDayBefore()
    {
        var calendar = Calendar("Asia/Kolkata", DateTimeOffset.UtcNow);
        Assert.That(calendar.StartOfDayUtc(new DateOnly(2026, 3, 13)), Is.EqualTo(new DateTime(2026, 3, 12, 18, 30, 0, DateTimeKind.Utc)));
        Assert.That(calendar.ToLocal(new DateTime(2026, 3, 12, 18, 20, 0, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            Is.EqualTo("2026-03-12T23:50:00+05:30"));
    }

    [TestCase("2026-03-09", "2026-03-09")] // Monday
    [TestCase("2026-03-15", "2026-03-09")] // Sunday belongs to the week that started on Monday
    [TestCase("2026-03-16", "2026-03-16")]
    [TestCase("2026-03-01", "2026-02-23")] // across a month
    public void WeeksStartOnMonday(string day, string monday) =>
        Assert.That(BusinessCalendar.StartOfWeek(DateOnly.Parse(day)), Is.EqualTo(DateOnly.Parse(monday)));

    [Test]
    public void Ist_IsOneRunOfUniformDays()
    {
        var runs = Calendar("Asia/Kolkata", DateTimeOffset.UtcNow).Runs(new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30)).ToList();
        Assert.That(runs, Has.Count.EqualTo(1));
        Assert.That(runs[0], Is.EqualTo(new DayRun(new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30),
            new DateTime(2024, 12, 31, 18, 30, 0, DateTimeKind.Utc), new DateTime(2026, 6, 30, 18, 30, 0, DateTimeKind.Utc), TimeSpan.FromMinutes(330), true)));
    }

    [Test]
    public void ADstSwitchDay_IsARunOfItsOwn_AndRunsCoverTheRangeWithoutGaps()
    {
        // New York: DST starts 2026-03-08 02:00 (-5 -> -4), ends 2026-11-01 02:00.
        var runs = Calendar("America/New_York", DateTimeOffset.UtcNow).Runs(new DateOnly(2026, 3, 1), new DateOnly(2026, 11, 30)).ToList();

        Assert.That(runs.Select(r => (r.First, r.Last, r.Uniform)), Is.EqualTo(new[]
        {
            (new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 7), true),
            (new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 8), false),
            (new DateOnly(2026, 3, 9), new DateOnly(2026, 10, 31), true),
            (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), false),
            (new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 30), true),
        }));
        Assert.That(runs[1].EndUtc - runs[1].StartUtc, Is.EqualTo(TimeSpan.FromHours(23)), "the spring-forward day is 23 hours long");
        for (var i = 1; i < runs.Count; i++) Assert.That(runs[i].StartUtc, Is.EqualTo(runs[i - 1].EndUtc), "no gap, no overlap");
    }
}
