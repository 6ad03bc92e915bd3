using PhoneNumbers;

namespace TeleCmi.Domain.Common;

/// <summary>A phone number normalised to E.164 (e.g. <c>+919876543210</c>).</summary>
public sealed partial record PhoneNumber
{
    /// <summary>Region assumed when a number is written without a country code.</summary>
    public const string DefaultRegion = "IN";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private PhoneNumber(string e164) => E164 = e164;

    /// <summary>The number in E.164 form, with a leading plus.</summary>
    public string E164 { get; }

    /// <summary>The number as TeleCMI wants it: digits with country code, no plus.</summary>
    public string Digits => E164[1..];

    /// <summary>Parses a number; <c>false</c> when it is not a valid phone number.</summary>
    public static bool TryParse(string? raw, out PhoneNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 32) return false;
        var text = raw.Trim();
        if (text.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.'))) return false;
        // "919876543210" is the same number as "+91 98765 43210": a bare 12-digit number starting with the
        // Indian country code is read as international, as TeleCMI writes numbers that way.
        var digitsOnly = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (!text.StartsWith('+') && digitsOnly.Length == 12 && digitsOnly.StartsWith("91")) text = "+" + digitsOnly;
        try
        {
            var parsed = Util.Parse(text, DefaultRegion);
            if (!Util.IsValidNumber(parsed)) return false;
            number = new PhoneNumber(Util.Format(parsed, PhoneNumberFormat.E164));
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Parses a number or throws <see cref="DomainException"/>.</summary>
    public static PhoneNumber Parse(string? raw) =>
        TryParse(raw, out var number) ? number! : throw new DomainException($"'{Mask(raw)}' is not a valid phone number.");

    /// <summary>Rebuilds a number already stored in E.164 form (no validation round trip).</summary>
    public static PhoneNumber FromStored(string e164) => new(e164);

    /// <summary>Masks all but the country code and the last four digits: <c>+91******3210</c>.</summary>
    public static string Mask(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return string.Empty;
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length <= 4) return new string('*', digits.Length);
        var prefix = digits.Length > 10 ? digits[..(digits.Length - 10)] : string.Empty;
        return "+" + prefix + new string('*', digits.Length - prefix.Length - 4) + digits[^4..];
    }

    /// <summary>Whether a stored number is a masked one (personal data removed): it can no longer be dialled.</summary>
    public static bool IsMasked(string? stored) => stored is not null && stored.Contains('*', StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Mask(E164);
}
