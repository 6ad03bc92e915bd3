using FluentValidation;
using Mediator;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Reports.Common;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Reports.GetDailyReport;

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
