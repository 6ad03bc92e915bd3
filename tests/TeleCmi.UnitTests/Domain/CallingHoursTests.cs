using NUnit.Framework;
using TeleCmi.Application.Compliance.Common;
using TeleCmi.Domain.Compliance;

namespace TeleCmi.UnitTests.Domain;

/// <summary>The calling hours: window edges, days of the week, holidays, and the next allowed time across days.</summary>
public sealed class CallingHoursTests
{
    // 09:00-21:00 IST, Saturday 10:00-14:00, Sunday closed; 2026-03-16 (a Monday) a holiday.
    private static readonly CallingHours Hours = new ComplianceOptions
    {
        Days = new(StringComparer.OrdinalIgnoreCase) { ["Saturday"] = "10:00-14:00", ["sunday"] = "" },
        Holidays = ["2026-03-16"],
    }.ToPolicy();

    private static DateTime Utc(string istLocal) => DateTimeOffset.Parse(istLocal + "+05:30").UtcDateTime;

    [TestCase("2026-03-13T08:59:59", false, TestName = "Allows_OneSecondBeforeOpening_No")]
    [TestCase("2026-03-13T09:00:00", true, TestName = "Allows_AtOpening_Yes")]
    [TestCase("2026-03-13T20:55:00", true, TestName = "Allows_At2055_Yes")]
    [TestCase("2026-03-13T20:59:59", true, TestName = "Allows_OneSecondBeforeClosing_Yes")]
    [TestCase("2026-03-13T21:00:00", false, TestName = "Allows_AtClosing_No")]
    [TestCase("2026-03-13T21:05:00", false, TestName = "Allows_At2105_No")]
    [TestCase("2026-03-14T09:30:00", false, TestName = "Allows_SaturdayBeforeItsOwnOpening_No")]
    [TestCase("2026-03-14T13:59:00", true, TestName = "Allows_SaturdayInsideItsOwnHours_Yes")]
    [TestCase("2026-03-14T15:00:00", false, TestName = "Allows_SaturdayAfterItsOwnClosing_No")]
    [TestCase("2026-03-15T12:00:00", false, TestName = "Allows_ClosedSunday_No")]
    [TestCase("2026-03-16T12:00:00", false, TestName = "Allows_Holiday_No")]
    [TestCase("2026-03-17T12:00:00", true, TestName = "Allows_DayAfterTheHoliday_Yes")]
    public void Allows(string istLocal, bool allowed) => Assert.That(Hours.Allows(Utc(istLocal)), Is.EqualTo(allowed));

    [TestCase("2026-03-13T12:00:00", "2026-03-13T12:00:00+05:30", TestName = "NextAllowedAt_WhenOpen_IsNow")]
    [TestCase("2026-03-13T06:00:00", "2026-03-13T09:00:00+05:30", TestName = "NextAllowedAt_EarlyMorning_IsThatMorning")]
    [TestCase("2026-03-12T21:05:00", "2026-03-13T09:00:00+05:30", TestName = "NextAllowedAt_Evening_IsNextMorning")]
    [TestCase("2026-03-13T21:05:00", "2026-03-14T10:00:00+05:30", TestName = "NextAllowedAt_FridayEvening_IsSaturdaysOwnOpening")]
    [TestCase("2026-03-14T14:00:00", "2026-03-17T09:00:00+05:30", TestName = "NextAllowedAt_SaturdayAfternoon_SkipsClosedSundayAndTheHoliday")]
    [TestCase("2026-03-15T23:59:00", "2026-03-17T09:00:00+05:30", TestName = "NextAllowedAt_SundayNight_SkipsTheHoliday")]
    public void NextAllowedAt(string istLocal, string expected) =>
        Assert.That(Hours.NextAllowedAt(Utc(istLocal)).ToString("yyyy-MM-dd'T'HH:mm:sszzz"), Is.EqualTo(expected));

    [Test]
    public void NextAllowedAt_IsInTheZonesOffset_AndTheSameInstantAsUtc()
    {
        var next = Hours.NextAllowedAt(Utc("2026-03-12T22:00:00"));

        Assert.Multiple(() =>
        {
            Assert.That(next.Offset, Is.EqualTo(TimeSpan.FromHours(5.5)));
            Assert.That(next.UtcDateTime, Is.EqualTo(new DateTime(2026, 3, 13, 3, 30, 0, DateTimeKind.Utc)));
        });
    }

    [Test]
    public void AllDay_00To24_AllowsMidnightAndTheLastMinute()
    {
        var allDay = new ComplianceOptions { CallingHours = "00:00-24:00" }.ToPolicy();

        Assert.Multiple(() =>
        {
            Assert.That(allDay.Allows(Utc("2026-03-15T00:00:00")), Is.True);
            Assert.That(allDay.Allows(Utc("2026-03-15T23:59:59")), Is.True);
        });
    }

    [Test]
    public void Refusal_NamesTheDaysHoursTheZoneAndTheNextAllowedTime()
    {
        var refusal = Hours.Refusal(Utc("2026-03-13T21:05:00"), "followUpAt", "A follow-up cannot be set");

        Assert.Multiple(() =>
        {
            Assert.That(refusal.Message, Does.Contain("09:00-21:00 (Asia/Kolkata)").And.Contain("2026-03-14T10:00:00+05:30"));
            Assert.That(refusal.Field, Is.EqualTo("followUpAt"));
            Assert.That(refusal.NextAllowedAt, Is.EqualTo(DateTimeOffset.Parse("2026-03-14T10:00:00+05:30")));
        });
    }

    [TestCase("09:00-21:00", true)]
    [TestCase("9:30-17:45", true)]
    [TestCase("00:00-24:00", true)]
    [TestCase("closed", true)]
    [TestCase("", true)]
    [TestCase("21:00-09:00", false)]
    [TestCase("09:00-09:00", false)]
    [TestCase("09:00-24:30", false)]
    [TestCase("09:60-10:00", false)]
    [TestCase("9am-9pm", false)]
    [TestCase("09:00", false)]
    public void DailyWindow_Parses(string text, bool valid) => Assert.That(DailyWindow.TryParse(text, out _), Is.EqualTo(valid));

    [Test]
    public void EveryDayClosed_IsRefused() =>
        Assert.That(() => new ComplianceOptions { CallingHours = "closed" }.ToPolicy(), Throws.ArgumentException);

    [Test]
    public void Week_StartsOnMonday_WithEachDaysWindow() =>
        Assert.That(Hours.Week.Select(d => $"{d.Day} {d.Window}"), Is.EqualTo(new[]
        {
            "Monday 09:00-21:00", "Tuesday 09:00-21:00", "Wednesday 09:00-21:00", "Thursday 09:00-21:00", "Friday 09:00-21:00",
            "Saturday 10:00-14:00", "Sunday closed",
        }));
}
