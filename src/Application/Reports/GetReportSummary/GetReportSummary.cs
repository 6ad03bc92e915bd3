using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.FollowUps.Common;
using TeleCmi.Application.Reports.Common;

namespace TeleCmi.Application.Reports.GetReportSummary;

/// <summary>The period a summary covers, up to and including today.</summary>
public enum SummaryPeriod
{
    /// <summary>Today.</summary>
    Today = 0,
    /// <summary>This week, from Monday.</summary>
    Week = 1,
    /// <summary>This month, from the 1st.</summary>
    Month = 2,
}

/// <summary>Follow-ups waiting for the agent(s) the summary covers.</summary>
public sealed record FollowUpCounts(int DueToday, int Overdue);

/// <summary>What a supervisor opens the day with.</summary>
public sealed record ReportSummary(SummaryPeriod Period, DateOnly From, DateOnly To, string TimeZone, int? AgentId,
    CallFigures Totals, IReadOnlyList<DailyReportRow> Days, int AgentsWithCalls, FollowUpCounts FollowUps);

/// <summary>Today's, this week's (from Monday) or this month's figures. Telecallers get their own.</summary>
[Authorize]
public sealed record GetReportSummaryQuery(SummaryPeriod Period = SummaryPeriod.Today, int? AgentId = null) : IQuery<ReportSummary>;

public sealed class GetReportSummaryValidator : AbstractValidator<GetReportSummaryQuery>
{
    public GetReportSummaryValidator() => RuleFor(x => x.Period).IsInEnum();
}

public sealed class GetReportSummaryHandler(ReportFigures figures, FollowUpQueries followUps, ICurrentUser user, BusinessCalendar calendar)
    : IQueryHandler<GetReportSummaryQuery, ReportSummary>
{
    public async ValueTask<ReportSummary> Handle(GetReportSummaryQuery q, CancellationToken cancellationToken)
    {
        var agentId = ReportRange.AgentFor(user, q.AgentId);
        var today = calendar.Today;
        var from = q.Period switch
        {
            SummaryPeriod.Week => BusinessCalendar.StartOfWeek(today),
            SummaryPeriod.Month => new DateOnly(today.Year, today.Month, 1),
            _ => today,
        };
        var days = await figures.PerDayAsync(from, today, agentId, null, cancellationToken);
        var agentsWithCalls = await figures.AgentsWithCallsAsync(from, today, agentId, cancellationToken);
        var pending = followUps.Pending(agentId);
        var (todayStart, tomorrowStart, now) = (calendar.StartOfDayUtc(today), calendar.StartOfDayUtc(today.AddDays(1)), calendar.UtcNow);
        var dueToday = await pending.CountAsync(c => c.FollowUpAt >= todayStart && c.FollowUpAt < tomorrowStart, cancellationToken);
        var overdue = await pending.CountAsync(c => c.FollowUpAt < now, cancellationToken);
        return new ReportSummary(q.Period, from, today, calendar.ZoneId, agentId, ReportFigures.Total(days.Select(d => d.Figures)),
            days.Select(d => new DailyReportRow(d.Day, d.Figures)).ToList(), agentsWithCalls, new FollowUpCounts(dueToday, overdue));
    }
}
