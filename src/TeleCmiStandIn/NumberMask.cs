namespace TeleCmi.StandIn;

/// <summary>Hides a dialled number in the stand-in's logs as the service does (<c>+91******3210</c>): never log a full number.</summary>
public static class NumberMask
{
    /// <summary>All digits but the country code and the last four replaced by <c>*</c>.</summary>
    public static string Mask(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return string.Empty;
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length <= 4) return new string('*', digits.Length);
        var prefix = digits.Length > 10 ? digits[..(digits.Length - 10)] : string.Empty;
        return "+" + prefix + new string('*', digits.Length - prefix.Length - 4) + digits[^4..];
    }
}
