using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Reports.Common;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Reports.GetAgentsReport;

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
