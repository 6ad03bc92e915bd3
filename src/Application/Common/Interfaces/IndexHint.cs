namespace TeleCmi.Application.Common.Interfaces;

/// <summary>
/// Query tags (<c>TagWith</c>) that ask the MySQL/MariaDB provider to use one index. The optimizer is left alone
/// everywhere else; a hint is only added where it was measured to choose badly. SQLite ignores the tag (a comment).
/// </summary>
public static class IndexHint
{
    /// <summary>The tag text's prefix; what follows is the index name.</summary>
    public const string Prefix = "telecmi:force-index ";

    /// <summary>
    /// Calls filtered by status and a date range across all agents, newest first. MariaDB 10.11 sometimes reads
    /// (Status, CreatedAt, Id) as "ref" on the status alone for ORDER BY … LIMIT, walking every newer call of that
    /// status row by row (0.5 s alone, 10+ s under load for a month long ago) instead of the date range.
    /// </summary>
    public const string CallsByStatusAndTime = Prefix + "IX_call_logs_Status_CreatedAt_Id";
}
