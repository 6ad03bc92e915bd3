using Microsoft.Extensions.Options;

namespace TeleCmi.Application.Common.Time;

/// <summary>
/// Days as the business counts them: midnight to midnight in <c>Reporting:TimeZone</c> (default Asia/Kolkata),
/// whatever the server's own time zone is. Times in the database are UTC.
/// </summary>
public sealed class BusinessCalendar(IOptions<BusinessTimeOptions> options, TimeProvider clock)
{
    /// <summary>The business time zone.</summary>
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The IANA id of <see cref="Zone"/>.</summary>
    public string ZoneId => options.Value.TimeZone;

    /// <summary>Now, UTC.</summary>
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today's date in the business time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, Zone));

    /// <summary>The business date of a UTC instant.</summary>
    public DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>The UTC instant the business day <paramref name="day"/> starts.</summary>
    public DateTime StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // GetUtcOffset rather than ConvertTimeToUtc: a zone whose DST starts at midnight has no local 00:00 that day.
        return DateTime.SpecifyKind(local - Zone.GetUtcOffset(local), DateTimeKind.Utc);
    }

    /// <summary>The UTC start of the business day containing <paramref name="utc"/>, and of the next day.</summary>
    public (DateTime Start, DateTime NextStart) DayAround(DateTime utc)
    {
        var day = DayOf(utc);
        return (StartOfDayUtc(day), StartOfDayUtc(day.AddDays(1)));
    }

    /// <summary>
    /// A UTC instant as local time in the business time zone, with its offset. Never throws: an instant whose local
    /// time falls outside years 1–9999 (a value stored before follow-ups were bounded, e.g. 9999-12-31T23:00Z in IST)
    /// comes back as the same instant with offset +00:00.
    /// </summary>
    public DateTimeOffset ToLocal(DateTime utc)
    {
        TryToLocal(utc, out var local);
        return local;
    }

    /// <summary>
    /// <see cref="ToLocal"/>, saying whether the business time zone could be used: false (and the instant at +00:00)
    /// when the local time would fall outside the range <see cref="DateTimeOffset"/> can hold.
    /// </summary>
    public bool TryToLocal(DateTime utc, out DateTimeOffset local)
    {
        var asUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var offset = Zone.GetUtcOffset(asUtc);
        var localTicks = asUtc.Ticks + offset.Ticks;
        var fits = localTicks >= DateTime.MinValue.Ticks && localTicks <= DateTime.MaxValue.Ticks;
        local = fits ? new DateTimeOffset(asUtc).ToOffset(offset) : new DateTimeOffset(asUtc);
        return fits;
    }

    /// <summary>The Monday of the week containing <paramref name="day"/> (weeks start on Monday).</summary>
    public static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// Splits <paramref name="from"/>..<paramref name="to"/> into runs of days with one UTC offset throughout, so a
    /// database can group rows by day by shifting UTC times by that offset. A day on which the offset changes
    /// (a DST switch) is a run of its own with <c>Uniform = false</c>. For Asia/Kolkata it is always one run.
    /// </summary>
    public IEnumerable<DayRun> Runs(DateOnly from, DateOnly to)
    {
        DayRun? current = null;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var start = StartOfDayUtc(day);
            var end = StartOfDayUtc(day.AddDays(1));
            var offset = Zone.GetUtcOffset(start);
            var uniform = offset == Zone.GetUtcOffset(end.AddTicks(-1));
            if (current is { Uniform: true } run && uniform && run.Offset == offset)
            {
                current = run with { Last = day, EndUtc = end };
                continue;
            }
            if (current is not null) yield return current;
            current = new DayRun(day, day, start, end, offset, uniform);
        }
        if (current is not null) yield return current;
    }
}

/// <summary>Consecutive business days [<see cref="First"/>, <see cref="Last"/>] = UTC [<see cref="StartUtc"/>, <see cref="EndUtc"/>).</summary>
public sealed record DayRun(DateOnly First, DateOnly Last, DateTime StartUtc, DateTime EndUtc, TimeSpan Offset, bool Uniform);
