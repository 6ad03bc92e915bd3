using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Reports.Common;

namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// Brings the report rollup of the last <see cref="ReportRange.MaxDays"/> days up to date shortly after start and then
/// every <c>Reports:Rollup:RefreshMinutes</c>, a month at a time, so that reports rarely count a day themselves.
/// Safe on several instances: storing a day twice stores the same figures.
/// </summary>
public sealed class ReportRollupRefresher(
    IServiceScopeFactory scopes, BusinessCalendar calendar, IOptions<ReportRollupOptions> options, ILogger<ReportRollupRefresher> logger)
    : BackgroundService
{
    private const int DaysPerStep = 31;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.RefreshMinutes;
        if (!options.Value.Enabled || minutes <= 0) return;
        await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                var computed = await RefreshAsync(stoppingToken);
                if (computed > 0) logger.LogInformation("Report rollup: {Days} day(s) computed", computed);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down; the next tick tries again, and reports count what is missing themselves.
                logger.LogWarning("Report rollup refresh failed: {Error}", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> RefreshAsync(CancellationToken ct)
    {
        var computed = 0;
        var today = calendar.Today;
        for (var from = today.AddDays(-(ReportRange.MaxDays - 1)); from < today; from = from.AddDays(DaysPerStep))
        {
            await using var scope = scopes.CreateAsyncScope();
            var rollup = scope.ServiceProvider.GetRequiredService<ReportRollup>();
            computed += (await rollup.RefreshAsync(from, from.AddDays(DaysPerStep - 1), ct)).Count;
        }
        return computed;
    }
}
