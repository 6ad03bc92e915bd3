using System.Text.RegularExpressions;
using TeleCmi.Domain.Common;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>
/// Makes a provider's message safe to show and log. TeleCMI's <c>msg</c> is untrusted text that ends up in a
/// 502 answer, the call log and log lines, so it must not carry our secret or a full phone number back out.
/// </summary>
internal static partial class ProviderText
{
    private const int MaxLength = 200;

    [GeneratedRegex(@"\+?\d[\d \-]{6,}\d")]
    private static partial Regex LongNumber();

    /// <summary>Clips, removes the secret and masks long digit runs; null for empty text.</summary>
    public static string? Clean(string? text, string? secret)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!string.IsNullOrEmpty(secret)) text = text.Replace(secret, "***", StringComparison.Ordinal);
        text = LongNumber().Replace(text, m => PhoneNumber.Mask(m.Value));
        text = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }
}
