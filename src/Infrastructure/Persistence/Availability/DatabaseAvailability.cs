using Microsoft.Extensions.Logging;

namespace TeleCmi.Infrastructure.Persistence.Availability;

/// <summary>
/// Whether the database can be reached, learnt from every database operation, and the only place that logs an
/// outage: one Error when it starts, a Warning summary with counts at most every <see cref="SummaryInterval"/> while
/// it lasts, one Information when it ends. Nothing per request: under load a per-failure log line is a flood (a 30 s
/// outage once wrote 34,257 Error entries, 181 MB).
/// </summary>
/// <remarks>
/// Operations are ordered by when they began: a success of a query that began before the outage was noticed does not
/// end it, and a failure of one that began before the database came back does not start a new one.
/// </remarks>
public sealed class DatabaseAvailability(TimeProvider clock, ILogger<DatabaseAvailability> logger)
{
    /// <summary>The least time between two summaries of one outage.</summary>
    public static readonly TimeSpan SummaryInterval = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private volatile bool unavailable;
    private DateTimeOffset downSince;
    private DateTimeOffset upSince = DateTimeOffset.MinValue;
    private DateTimeOffset lastSummary;
    private long failuresSinceSummary;
    private long failuresSinceDown;

    /// <summary>True from the first failure to reach the database until an operation begun after it succeeds.</summary>
    public bool IsUnavailable => unavailable;

    /// <summary>A database operation that began at <paramref name="startedAt"/> could not reach the database.</summary>
    public void ReportFailure(Exception error, DateTimeOffset startedAt)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (!unavailable)
            {
                if (startedAt < upSince) return;
                unavailable = true;
                (downSince, lastSummary, failuresSinceDown, failuresSinceSummary) = (now, now, 1, 0);
                logger.LogError(error,
                    "The database is unreachable ({Error}). Requests that need it answer 503 until it is back; " +
                    "while it stays down a summary is logged every {SummarySeconds} s instead of an entry per request",
                    error.GetType().Name, (int)SummaryInterval.TotalSeconds);
                return;
            }
            failuresSinceDown++;
            failuresSinceSummary++;
            if (now - lastSummary < SummaryInterval) return;
            logger.LogWarning(
                "The database is still unreachable after {DownSeconds:0} s: {Failures} failed operations in the last {IntervalSeconds:0} s, {TotalFailures} since it went down",
                (now - downSince).TotalSeconds, failuresSinceSummary, (now - lastSummary).TotalSeconds, failuresSinceDown);
            (lastSummary, failuresSinceSummary) = (now, 0);
        }
    }

    /// <summary>A database operation that began at <paramref name="startedAt"/> got its answer.</summary>
    public void ReportSuccess(DateTimeOffset startedAt)
    {
        // The common case costs one volatile read: no lock while the database is up.
        if (!unavailable) return;
        lock (gate)
        {
            if (!unavailable || startedAt < downSince) return;
            var now = clock.GetUtcNow();
            unavailable = false;
            upSince = now;
            logger.LogInformation(
                "The database is reachable again after {DownSeconds:0} s unreachable; {TotalFailures} operations failed meanwhile",
                (now - downSince).TotalSeconds, failuresSinceDown);
        }
    }
}
