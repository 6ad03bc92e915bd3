namespace TeleCmi.Application.Calls.Common;

/// <summary>
/// Query tags (<c>TagWith</c>) that name the shape of a call query. They say what a query is, not how to run it: an
/// engine whose optimizer was measured to plan one shape badly gets help from the persistence layer, which alone knows
/// the indexes (Infrastructure's <c>IndexHints</c> maps a tag to <c>FORCE INDEX</c> on MySQL/MariaDB); elsewhere a tag
/// is a comment. A tag rather than a port: the query stays one LINQ expression, and nothing but a word crosses the layer.
/// </summary>
public static class CallQueryTags
{
    /// <summary>The tag text's prefix; what follows names the shape.</summary>
    public const string Prefix = "telecmi:shape ";

    /// <summary>All agents' calls of one status in a date range, newest first.</summary>
    public const string OneStatusInATimeRange = Prefix + "calls-of-one-status-in-a-time-range";
}
