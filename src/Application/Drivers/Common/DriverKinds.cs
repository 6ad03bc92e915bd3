using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.Common;

/// <summary>Reads a driver kind written as text (an import's cell), as the JSON API spells it.</summary>
public static class DriverKinds
{
    /// <summary><c>driver</c> or <c>transporter</c>, any case; empty means <c>driver</c>. Numbers are not kinds.</summary>
    public static bool TryParse(string? text, out DriverKind kind)
    {
        kind = DriverKind.Driver;
        var value = text?.Trim() ?? "";
        if (value.Length == 0 || value.Equals("driver", StringComparison.OrdinalIgnoreCase)) return true;
        if (!value.Equals("transporter", StringComparison.OrdinalIgnoreCase)) return false;
        kind = DriverKind.Transporter;
        return true;
    }
}
