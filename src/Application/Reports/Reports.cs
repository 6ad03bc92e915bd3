using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.FollowUps;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Reports;

/// <summary>Report ranges: business dates, both ends included, 30 days up to today by default.</summary>
public static class ReportRange
{
    /// <summary>The longest range a report covers.</summary>
    public const int MaxDays = 1096;

    /// <summary>Days shown when no range is given.</summary>
    public const int DefaultDays = 30;

    public static (DateOnly From, DateOnly To) Resolve(DateOnly? from, DateOnly? to, BusinessCalendar calendar)
    {
        var today = calendar.Today;
        // Only 'from': up to 30 days from it, ending today at the latest (or on 'from' itself when it is in the future).
        var end = to ?? (from is { } f ? Min(f.AddDays(DefaultDays - 1), Max(f, today)) : today);
        return (from ?? end.AddDays(-(DefaultDays - 1)), end);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static void Rules<T>(AbstractValidator<T> v, Func<T, DateOnly?> from, Func<T, DateOnly?> to)
    {
        v.RuleFor(x => to(x)).Must((x, end) => from(x) is null || end is null || end >= from(x))
            .WithName("to").WithMessage("'to' must not be before 'from'.");
        v.RuleFor(x => to(x)).Must((x, end) => from(x) is null || end is null || end.Value.DayNumber - from(x)!.Value.DayNumber < MaxDays)
            .WithName("to").WithMessage($"A report covers at most {MaxDays} days.");
    }

    /// <summary>The agent whose figures are asked for: a telecaller may only ask for their own.</summary>
    public static int? AgentFor(ICurrentUser user, int? agentId)
    {
        if (user.Role is not AgentRole.Telecaller) return agentId;
        if (agentId is not null && agentId != user.AgentId) throw new ForbiddenException("Telecallers see only their own figures.");
        return user.AgentId;
    }
}

/// <summary>One business day's figures.</summary>
public sealed record DailyReportRow(DateOnly Date, CallFigures Figures);

/// <summary>Figures per business day, with the totals of the range.</summary>
public sealed record DailyReport(DateOnly From, DateOnly To, string TimeZone, int? AgentId, CallProvider? Provider,
    CallFigures Totals, IReadOnlyList<DailyReportRow> Days);

/// <summary>Figures per business day (midnight to midnight in the business time zone). Telecallers get their own.</summary>
[Authorize]
public sealed record GetDailyReportQuery(DateOnly? From = null, DateOnly? To = null, int? AgentId = null, CallProvider? Provider = null)
    : IQuery<DailyReport>;

public sealed class GetDailyReportValidator : AbstractValidator<GetDailyReportQuery>
{
    public GetDailyReportValidator() => ReportRange.Rules(this, x => x.From, x => x.To);
}

public sealed class GetDailyReportHandler(ReportFigures figures, ICurrentUser user, BusinessCalendar calendar)
    : IQueryHandler<GetDailyReportQuery, DailyReport>
{
    public async ValueTask<DailyReport> Handle(GetDailyReportQuery q, CancellationToken cancellationToken)
    {
        var agentId = ReportRange.AgentFor(user, q.AgentId);
        var (from, to) = ReportRange.Resolve(q.From, q.To, calendar);
        var days = await figures.PerDayAsync(from, to, agentId, q.Provider, cancellationToken);
        return new DailyReport(from, to, calendar.ZoneId, agentId, q.Provider, ReportFigures.Total(days.Select(d => d.Figures)),
            days.Select(d => new DailyReportRow(d.Day, d.Figures)).ToList());
    }
}

/// <summary>One agent's figures.</summary>
public sealed record AgentsReportRow(int AgentId, string Username, string DisplayName, AgentRole Role, bool IsActive, CallFigures Figures);

/// <summary>Figures per agent, best first (answered calls, then talk time).</summary>
public sealed record AgentsReport(DateOnly From, DateOnly To, string TimeZone, CallProvider? Provider, IReadOnlyList<AgentsReportRow> Agents);

/// <summary>
/// Figures per agent for a leaderboard: every active telecaller (with zeros when they made no call) and anyone
/// else who made calls in the range. A telecaller gets only their own row.
/// </summary>
[Authorize]
public sealed record GetAgentsReportQuery(DateOnly? From = null, DateOnly? To = null, CallProvider? Provider = null) : IQuery<AgentsReport>;

public sealed class GetAgentsReportValidator : AbstractValidator<GetAgentsReportQuery>
{
    public GetAgentsReportValidator() => ReportRange.Rules(this, x => x.From, x => x.To);
}

public sealed class GetAgentsReportHandler(IAppDbContext db, ReportFigures figures, ICurrentUser user, BusinessCalendar calendar)
    : IQueryHandler<GetAgentsReportQuery, AgentsReport>
{
    public async ValueTask<AgentsReport> Handle(GetAgentsReportQuery q, CancellationToken cancellationToken)
    {
        var (from, to) = ReportRange.Resolve(q.From, q.To, calendar);
        var byAgent = await figures.PerAgentAsync(from, to, q.Provider, cancellationToken);
        var ids = byAgent.Keys.ToList();
        var agents = db.Agents.AsNoTracking();
        agents = user.Role is AgentRole.Telecaller
            ? agents.Where(a => a.Id == user.AgentId)
            : agents.Where(a => (a.IsActive && a.Role == AgentRole.Telecaller) || ids.Contains(a.Id));
        var rows = (await agents.Select(a => new { a.Id, a.Username, a.DisplayName, a.Role, a.IsActive }).ToListAsync(cancellationToken))
            .Select(a => new AgentsReportRow(a.Id, a.Username, a.DisplayName, a.Role, a.IsActive, byAgent.GetValueOrDefault(a.Id) ?? CallFigures.Zero))
            .OrderByDescending(r => r.Figures.Answered).ThenByDescending(r => r.Figures.TalkSeconds).ThenByDescending(r => r.Figures.Calls)
            .ThenBy(r => r.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.AgentId)
            .ToList();
        return new AgentsReport(from, to, calendar.ZoneId, q.Provider, rows);
    }
}

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
