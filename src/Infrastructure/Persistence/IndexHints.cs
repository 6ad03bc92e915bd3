using TeleCmi.Application.Calls.Common;

namespace TeleCmi.Infrastructure.Persistence;

/// <summary>
/// The MySQL/MariaDB index each hinted query shape (<see cref="CallQueryTags"/>) is forced to use. The optimizer is left
/// alone everywhere else; a shape is only listed where it was measured to choose badly.
/// </summary>
public static class IndexHints
{
    /// <summary>
    /// Calls filtered by status and a date range across all agents, newest first. MariaDB 10.11 sometimes reads
    /// (Status, CreatedAt, Id) as "ref" on the status alone for ORDER BY … LIMIT, walking every newer call of that
    /// status row by row (0.5 s alone, 10+ s under load for a month long ago) instead of the date range.
    /// </summary>
    public const string CallsByStatusAndTime = "IX_call_logs_Status_CreatedAt_Id";

    private static readonly Dictionary<string, string> ByShape = new(StringComparer.Ordinal)
    {
        [CallQueryTags.OneStatusInATimeRange[CallQueryTags.Prefix.Length..]] = CallsByStatusAndTime,
    };

    /// <summary>The index to force for a shape's name (the tag without its prefix); null for a shape left to the optimizer.</summary>
    public static string? For(string shape) => ByShape.GetValueOrDefault(shape);
}
