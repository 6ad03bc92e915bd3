using TeleCmi.Domain.Common;

namespace TeleCmi.Application.Drivers.EraseDriver;

/// <summary>Masks a phone number inside a stored provider body, in the forms TeleCMI writes it.</summary>
public static class PayloadRedaction
{
    /// <summary>
    /// The forms of an E.164 number a body may hold, longest first: <c>+919876543210</c>, <c>919876543210</c>,
    /// <c>9876543210</c> (the last ten digits, India's national number).
    /// </summary>
    public static IReadOnlyList<string> FormsOf(string e164)
    {
        var digits = e164.TrimStart('+');
        var national = digits.Length > 10 ? digits[^10..] : digits;
        return new[] { "+" + digits, digits, national }.Distinct().ToList();
    }

    /// <summary>Replaces every form of the number in <paramref name="payload"/> by <paramref name="masked"/>.</summary>
    public static string Mask(string payload, IReadOnlyList<string> forms, string masked)
    {
        // Longest first, so "+91…" is replaced whole before its digits are looked for.
        foreach (var form in forms) payload = payload.Replace(form, masked, StringComparison.Ordinal);
        return payload;
    }
}
