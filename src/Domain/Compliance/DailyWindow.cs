using System.Globalization;

namespace TeleCmi.Domain.Compliance;

/// <summary>
/// The hours of one day in which TeleCMI may call, local time: from <see cref="OpenMinute"/> (inclusive) to
/// <see cref="CloseMinute"/> (exclusive), minutes after midnight; <c>24:00</c> is the end of the day. A window never
/// crosses midnight: a night shift is two days' windows.
/// </summary>
public readonly record struct DailyWindow(int OpenMinute, int CloseMinute)
{
    private const int MinutesPerDay = 24 * 60;

    /// <summary>No calls that day.</summary>
    public static DailyWindow Closed { get; } = new(0, 0);

    /// <summary>True when no minute of the day is open.</summary>
    public bool IsClosed => CloseMinute <= OpenMinute;

    /// <summary>True when <paramref name="minuteOfDay"/> (with fractions) is inside the window.</summary>
    public bool Contains(double minuteOfDay) => !IsClosed && minuteOfDay >= OpenMinute && minuteOfDay < CloseMinute;

    /// <summary>
    /// Reads <c>HH:mm-HH:mm</c> (e.g. <c>09:00-21:00</c>, <c>00:00-24:00</c>), or <c>closed</c> / an empty value for a
    /// closed day. False for anything else, and for an end not after the start.
    /// </summary>
    public static bool TryParse(string? text, out DailyWindow window)
    {
        window = Closed;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0 || value.Equals("closed", StringComparison.OrdinalIgnoreCase)) return true;
        var parts = value.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryMinute(parts[0], out var open) || !TryMinute(parts[1], out var close) || close <= open) return false;
        window = new DailyWindow(open, close);
        return true;
    }

    /// <summary><c>09:00-21:00</c>, or <c>closed</c>.</summary>
    public override string ToString() => IsClosed ? "closed" : $"{Format(OpenMinute)}-{Format(CloseMinute)}";

    private static string Format(int minute) => $"{minute / 60:D2}:{minute % 60:D2}";

    private static bool TryMinute(string text, out int minute)
    {
        minute = 0;
        var hm = text.Split(':');
        if (hm.Length != 2 || hm[0].Length is < 1 or > 2 || hm[1].Length != 2) return false;
        if (!int.TryParse(hm[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(hm[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (m > 59 || h > 24 || (h == 24 && m != 0)) return false;
        minute = h * 60 + m;
        return minute <= MinutesPerDay;
    }
}
