using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TeleCmi.Application.Calls.Common;

namespace TeleCmi.Infrastructure.Persistence;

/// <summary>
/// MySQL/MariaDB only: turns a <see cref="CallQueryTags"/> tag on a query whose shape has an index in
/// <see cref="IndexHints"/> into <c>FORCE INDEX</c> on its <c>call_logs</c> table (EF Core has no index hints of its
/// own; this is the interceptor pattern of EF's docs).
/// LINQ queries, counts included, run as readers, so only the reader hooks are needed.
/// </summary>
public sealed partial class IndexHintInterceptor : DbCommandInterceptor
{
    private const string CallLogsFrom = "FROM `call_logs` AS `c`";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        command.CommandText = Apply(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        command.CommandText = Apply(command.CommandText);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// The SQL with <c>FORCE INDEX</c> after the first <c>call_logs</c> table when it carries the tag of a shape with an
    /// index hint; else unchanged.
    /// </summary>
    public static string Apply(string sql)
    {
        if (!sql.StartsWith("-- ", StringComparison.Ordinal)) return sql; // EF puts tags first, as comments
        var match = Tag().Match(sql);
        if (!match.Success || IndexHints.For(match.Groups[1].Value) is not { } index) return sql;
        var from = sql.IndexOf(CallLogsFrom, match.Index + match.Length, StringComparison.Ordinal);
        if (from < 0) return sql;
        var at = from + CallLogsFrom.Length;
        return string.Concat(sql.AsSpan(0, at), $" FORCE INDEX (`{index}`)", sql.AsSpan(at));
    }

    [GeneratedRegex("^-- " + CallQueryTags.Prefix + @"([a-z-]{1,80})\r?$", RegexOptions.Multiline)]
    private static partial Regex Tag();
}
