namespace TeleCmi.Application.Drivers.Common;

/// <summary>
/// Compares driver ids as the strictest of our databases does: MySQL/MariaDB's default collation ignores case and
/// trailing spaces, so <c>DRV-1</c> and <c>drv-1 </c> are one key there. An import treats them as one id on every
/// engine, so a file that passes on SQLite cannot fail with a duplicate key on MariaDB.
/// </summary>
public sealed class DriverIdComparer : IEqualityComparer<string>
{
    public static readonly DriverIdComparer Instance = new();

    public bool Equals(string? x, string? y) =>
        string.Equals(x?.TrimEnd(' '), y?.TrimEnd(' '), StringComparison.OrdinalIgnoreCase);

    public int GetHashCode(string obj) => StringComparer.OrdinalIgnoreCase.GetHashCode(obj.TrimEnd(' '));
}
