using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TeleCmi.Application.Audit.ListAuditEntries;

/// <summary>Where a page of the audit list ended: the last entry's id (ids only grow), as an opaque URL-safe string.</summary>
public readonly record struct AuditEntryCursor(long Id)
{
    public override string ToString() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("a." + Id.ToString(CultureInfo.InvariantCulture)));

    public static bool TryParse(string? text, out AuditEntryCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 100) return false;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }
        var plain = Encoding.UTF8.GetString(bytes);
        if (!plain.StartsWith("a.", StringComparison.Ordinal)
            || !long.TryParse(plain.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        cursor = new AuditEntryCursor(id);
        return true;
    }
}
