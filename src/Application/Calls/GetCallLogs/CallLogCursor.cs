using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TeleCmi.Application.Calls.GetCallLogs;

/// <summary>Where a page of the call list ended: the last row's CreatedAt and Id, as an opaque URL-safe string.</summary>
public readonly record struct CallLogCursor(DateTime CreatedAt, string Id)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture)}.{Id}"));

    public static bool TryParse(string? text, out CallLogCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 200) return false;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = Encoding.UTF8.GetString(bytes).Split('.', 2);
        if (parts.Length != 2 || parts[1].Length is 0 or > 64
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
        cursor = new CallLogCursor(new DateTime(ticks, DateTimeKind.Utc), parts[1]);
        return true;
    }
}
