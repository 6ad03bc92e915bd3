using System.Text.RegularExpressions;

namespace TeleCmi.IntegrationTests.Reports;

/// <summary>
/// The seed's monitoring queries, verbatim from its setup documentation (gagantruckmitr/TMemployeeapp,
/// FINAL_IMPLEMENTATION_SUMMARY.md, "Monitoring": "Daily Checks" and "Weekly Reports"), and what they become here.
/// <para>On MySQL/MariaDB only the table name changes (<c>call_logs</c> is this service's own table, with other
/// columns): the session time zone does the rest, as in the seed, whose config.php ran <c>SET time_zone = '+05:30'</c>
/// on every connection. SQLite has neither <c>CURDATE()</c> nor <c>DATE_SUB</c>, nor a session time zone: there the
/// same questions are asked with SQLite's date functions, shifting UTC to IST (docs/OPERATIONS.md lists both).</para>
/// </summary>
public static class SeedMonitoringQueries
{
    /// <summary>"Today's calls": TeleCMI calls of today by status.</summary>
    public const string TodaysCalls = """
        SELECT COUNT(*) as total, status 
        FROM call_logs 
        WHERE DATE(created_at) = CURDATE() 
          AND provider = 'telecmi' 
        GROUP BY status;
        """;

    /// <summary>"Failed calls": today's failed calls, every provider.</summary>
    public const string FailedCalls = """
        SELECT * FROM call_logs 
        WHERE DATE(created_at) = CURDATE() 
          AND status = 'failed';
        """;

    /// <summary>"Weekly statistics": TeleCMI calls and their average duration per day over the last 7 × 24 hours.</summary>
    public const string WeeklyStatistics = """
        SELECT 
          DATE(created_at) as date,
          COUNT(*) as total_calls,
          AVG(call_duration) as avg_duration
        FROM call_logs 
        WHERE provider = 'telecmi' 
          AND created_at >= DATE_SUB(NOW(), INTERVAL 7 DAY)
        GROUP BY DATE(created_at);
        """;

    /// <summary>A seed query against the view on MySQL/MariaDB: the table name is all that changes.</summary>
    public static string OnTheView(string seedQuery) => Regex.Replace(seedQuery, @"\bcall_logs\b", "call_logs_v1");

    /// <summary>The same three questions on SQLite, whose view is in UTC: IST days are <c>date(…, '+330 minutes')</c>.</summary>
    public static class Sqlite
    {
        public const string TodaysCalls = """
            SELECT COUNT(*) as total, status
            FROM call_logs_v1
            WHERE date(created_at, '+330 minutes') = date('now', '+330 minutes')
              AND provider = 'telecmi'
            GROUP BY status;
            """;

        public const string FailedCalls = """
            SELECT * FROM call_logs_v1
            WHERE date(created_at, '+330 minutes') = date('now', '+330 minutes')
              AND status = 'failed';
            """;

        public const string WeeklyStatistics = """
            SELECT
              date(created_at, '+330 minutes') as date,
              COUNT(*) as total_calls,
              AVG(call_duration) as avg_duration
            FROM call_logs_v1
            WHERE provider = 'telecmi'
              AND created_at >= datetime('now', '-7 days')
            GROUP BY date(created_at, '+330 minutes');
            """;
    }
}
