using System.Globalization;
using TeleCmi.Domain.Compliance;

namespace TeleCmi.Application.Compliance.Common;

/// <summary>When TeleCMI calls may be placed (configuration section <c>Compliance</c>).</summary>
public sealed class ComplianceOptions
{
    public const string SectionName = "Compliance";

    /// <summary>The window of every day not named in <see cref="Days"/>, local time (<c>Compliance:CallingHours</c>, default <c>09:00-21:00</c>).</summary>
    public string CallingHours { get; set; } = Domain.Compliance.CallingHours.DefaultWindow;

    /// <summary>
    /// A day of the week's own window (<c>Compliance:Days:Sunday=closed</c>, or <c>10:00-14:00</c>): keys are English day
    /// names, a value <c>closed</c> or empty closes the day.
    /// </summary>
    public Dictionary<string, string?> Days { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Dates (<c>yyyy-MM-dd</c>, in <see cref="TimeZone"/>) without calls (<c>Compliance:Holidays</c>, a list or one comma-separated value).</summary>
    public string[] Holidays { get; set; } = [];

    /// <summary>IANA id of the zone the windows and holidays are in (<c>Compliance:TimeZone</c>, default Asia/Kolkata).</summary>
    public string TimeZone { get; set; } = Domain.Compliance.CallingHours.DefaultTimeZone;

    /// <summary>Splits comma-separated holidays and fills an empty time zone or window with the default.</summary>
    public void WithDefaults()
    {
        Holidays = Holidays.SelectMany(h => h.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
        if (string.IsNullOrWhiteSpace(TimeZone)) TimeZone = Domain.Compliance.CallingHours.DefaultTimeZone;
        if (string.IsNullOrWhiteSpace(CallingHours)) CallingHours = Domain.Compliance.CallingHours.DefaultWindow;
    }

    /// <summary>True when <see cref="CallingHours"/> is a window (<c>HH:mm-HH:mm</c>, or <c>closed</c>).</summary>
    public bool HasValidDefaultWindow() => DailyWindow.TryParse(CallingHours, out _);

    /// <summary>True when every key of <see cref="Days"/> is a day name and every value a window.</summary>
    public bool HasValidDays() => Days.All(d => Enum.TryParse<DayOfWeek>(d.Key, ignoreCase: true, out var day)
        && Enum.IsDefined(day) && !d.Key.Any(char.IsAsciiDigit) && DailyWindow.TryParse(d.Value, out _));

    /// <summary>True when every holiday is a <c>yyyy-MM-dd</c> date.</summary>
    public bool HasValidHolidays() => Holidays.All(h => DateOnly.TryParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    /// <summary>True when some day of the week has hours.</summary>
    public bool OpensSomeDay() => HasValidDefaultWindow() && HasValidDays() && WeekWindows().Values.Any(w => !w.IsClosed);

    /// <summary>The calling hours these options describe (start-up validation checks them first).</summary>
    public CallingHours ToPolicy() => new(
        TimeZoneInfo.FindSystemTimeZoneById(TimeZone), WeekWindows(),
        Holidays.Select(h => DateOnly.ParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private Dictionary<DayOfWeek, DailyWindow> WeekWindows()
    {
        DailyWindow.TryParse(CallingHours, out var every);
        var week = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => every);
        foreach (var (name, value) in Days)
        {
            DailyWindow.TryParse(value, out var window);
            week[Enum.Parse<DayOfWeek>(name, ignoreCase: true)] = window;
        }
        return week;
    }
}
