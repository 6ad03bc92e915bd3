using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Time;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Application.Reports;

/// <summary>
/// Times stored before follow-ups were bounded (or written by hand) reach every place that shows them in the business
/// time zone: none of those may throw. A year-9999 follow-up once made the CSV export cut the connection for everyone.
/// </summary>
public sealed class BusinessCalendarExtremeTimesTests
{
    private static BusinessCalendar Calendar(string zone) =>
        new(Options.Create(new BusinessTimeOptions { TimeZone = zone }), new FakeTimeProvider(DateTimeOffset.Parse("2026-03-13T09:30:00Z")));

    [Test]
    public void ToLocal_TheLastInstantInIst_ComesBackInUtc_WithoutThrowing()
    {
        var calendar = Calendar("Asia/Kolkata");

        var local = calendar.ToLocal(DateTime.MaxValue);

        Assert.Multiple(() =>
        {
            Assert.That(local.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(local.UtcDateTime, Is.EqualTo(DateTime.MaxValue));
            Assert.That(calendar.TryToLocal(DateTime.MaxValue, out _), Is.False);
        });
    }

    [Test]
    public void ToLocal_The9999FollowUpOfTheIssue_DoesNotThrow() =>
        Assert.That(Calendar("Asia/Kolkata").ToLocal(new DateTime(9999, 12, 31, 23, 0, 0, DateTimeKind.Utc)).Year, Is.EqualTo(9999));

    [Test]
    public void ToLocal_TheFirstInstant_WestOfGreenwich_ComesBackInUtc() =>
        Assert.That(Calendar("America/New_York").ToLocal(DateTime.MinValue).Offset, Is.EqualTo(TimeSpan.Zero));

    [Test]
    public void TryToLocal_AnOrdinaryTime_IsTheBusinessZone()
    {
        Assert.That(Calendar("Asia/Kolkata").TryToLocal(new DateTime(2027, 3, 13, 18, 30, 0, DateTimeKind.Utc), out var local), Is.True);
        Assert.That(local.ToString("yyyy-MM-ddTHH:mm:sszzz"), Is.EqualTo("2027-03-14T00:00:00+05:30"));
    }

    [TestCase("Asia/Kolkata")]
    [TestCase("America/New_York")]
    public void DayOf_TheExtremes_DoesNotThrow(string zone)
    {
        var calendar = Calendar(zone);

        Assert.DoesNotThrow(() => calendar.DayOf(DateTime.MaxValue));
        Assert.DoesNotThrow(() => calendar.DayOf(DateTime.MinValue));
    }
}
