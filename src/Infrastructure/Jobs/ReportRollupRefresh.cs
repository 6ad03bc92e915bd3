using Microsoft.Extensions.Logging;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Reports.Common;

namespace TeleCmi.Infrastructure.Jobs;

/// <summary>
/// Brings the report rollup of the last <see cref="ReportRange.MaxDays"/> days up to date shortly after start and then
/// every <c>Reports:Rollup:RefreshMinutes</c>, a month at a time, so that reports rarely count a day themselves.
/// Safe on several instances: storing a day twice stores the same figures. A failed run costs nothing: reports count
/// what is missing themselves.
/// </summary>
public sealed class ReportRollupRefresh(ReportRollup rollup, BusinessCalendar calendar, ILogger<ReportRollupRefresh> logger) : IPeriodicJob
{
    /// <summary>How long after start the first refresh runs: out of the way of start-up itself.</summary>
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromSeconds(5);

    private const int DaysPerStep = 31;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var computed = 0;
        var today = calendar.Today;
        for (var from = today.AddDays(-(ReportRange.MaxDays - 1)); from < today; from = from.AddDays(DaysPerStep))
            computed += (await rollup.RefreshAsync(from, from.AddDays(DaysPerStep - 1), cancellationToken)).Count;
        if (computed > 0) logger.LogInformation("Report rollup: {Days} day(s) computed", computed);
    }
}
