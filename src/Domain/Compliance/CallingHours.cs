namespace TeleCmi.Domain.Compliance;

/// <summary>
/// When the business may ring a driver through TeleCMI (India's telemarketing rules limit the hours): a window per day
/// of the week, no calls on holidays, in one time zone (Asia/Kolkata by default).
/// </summary>
public sealed class CallingHours
{
    /// <summary>The window of every day that is not configured otherwise.</summary>
    public const string DefaultWindow = "09:00-21:00";

    /// <summary>The time zone the windows are read in when none is configured.</summary>
    public const string DefaultTimeZone = "Asia/Kolkata";

    /// <summary>How far ahead <see cref="NextAllowedAt"/> looks: a year of holidays and one more week.</summary>
    private const int SearchDays = 366 + 7;

    private readonly IReadOnlyDictionary<DayOfWeek, DailyWindow> days;
    private readonly HashSet<DateOnly> holidays;

    /// <summary>Builds the hours; <see cref="ArgumentException"/> when every day of the week is closed.</summary>
    public CallingHours(TimeZoneInfo zone, IReadOnlyDictionary<DayOfWeek, DailyWindow> days, IEnumerable<DateOnly> holidays)
    {
        if (Enum.GetValues<DayOfWeek>().Any(d => !days.ContainsKey(d))) throw new ArgumentException("Every day of the week needs a window (or closed).", nameof(days));
        if (days.Values.All(w => w.IsClosed)) throw new ArgumentException("At least one day of the week must have calling hours.", nameof(days));
        Zone = zone;
        this.days = days;
        this.holidays = holidays.ToHashSet();
    }

    /// <summary>The time zone the windows are in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The window of each day of the week, Monday first.</summary>
    public IEnumerable<(DayOfWeek Day, DailyWindow Window)> Week =>
        Enumerable.Range(0, 7).Select(i => (DayOfWeek)((i + 1) % 7)).Select(d => (d, days[d]));

    /// <summary>Dates (in <see cref="Zone"/>) on which no calls are placed, in order.</summary>
    public IReadOnlyList<DateOnly> Holidays => holidays.Order().ToList();

    /// <summary>The window that applies on a local date: closed on a holiday.</summary>
    public DailyWindow WindowOn(DateOnly date) => holidays.Contains(date) ? DailyWindow.Closed : days[date.DayOfWeek];

    /// <summary>True when a call may be placed at the UTC instant <paramref name="utc"/>.</summary>
    public bool Allows(DateTime utc)
    {
        var local = ToLocal(utc);
        return WindowOn(DateOnly.FromDateTime(local.DateTime)).Contains(local.TimeOfDay.TotalMinutes);
    }

    /// <summary>
    /// The first instant at or after <paramref name="utc"/> at which a call may be placed, in <see cref="Zone"/> with its
    /// offset: <paramref name="utc"/> itself when calls are allowed then.
    /// </summary>
    public DateTimeOffset NextAllowedAt(DateTime utc)
    {
        var local = ToLocal(utc);
        if (Allows(utc)) return local;
        var date = DateOnly.FromDateTime(local.DateTime);
        var minute = local.TimeOfDay.TotalMinutes;
        for (var i = 0; i <= SearchDays; i++, date = date.AddDays(1), minute = 0)
        {
            var window = WindowOn(date);
            if (window.IsClosed || minute >= window.CloseMinute) continue;
            var opens = date.ToDateTime(TimeOnly.MinValue).AddMinutes(Math.Max(window.OpenMinute, minute));
            // A local time skipped by a DST change is not a real instant: its UTC offset is taken from just before.
            var offset = Zone.GetUtcOffset(opens);
            return new DateTimeOffset(opens, offset);
        }
        throw new InvalidOperationException("No calling hours within a year: every day is closed or a holiday.");
    }

    /// <summary>The refusal of something placed at <paramref name="utc"/>, outside the hours.</summary>
    public OutsideCallingHoursException Refusal(DateTime utc, string? field, string what)
    {
        var next = NextAllowedAt(utc);
        var window = WindowOn(DateOnly.FromDateTime(ToLocal(utc).DateTime));
        var today = window.IsClosed ? "no calls on that day" : $"calling hours that day are {window} ({Zone.Id})";
        return new OutsideCallingHoursException(
            $"{what} outside calling hours: {today}. The next allowed time is {next:yyyy-MM-dd'T'HH:mm:sszzz}.", next, field);
    }

    private DateTimeOffset ToLocal(DateTime utc)
    {
        var asUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(asUtc).ToOffset(Zone.GetUtcOffset(asUtc));
    }
}
