using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.FollowUps.Common;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.FollowUps.GetFollowUps;

/// <summary>Which follow-ups to list.</summary>
public enum FollowUpDue
{
    /// <summary>Due today (business day), whether the time has passed or not.</summary>
    Today = 0,
    /// <summary>Due before now.</summary>
    Overdue = 1,
    /// <summary>Due now or later.</summary>
    Upcoming = 2,
    /// <summary>All pending follow-ups.</summary>
    All = 3,
}

/// <summary>A driver to call back, with what happened on the last call.</summary>
/// <param name="CallId">The call that set the follow-up (the agent's latest call to this driver).</param>
/// <param name="FollowUpAt">When to call back, UTC.</param>
/// <param name="FollowUpAtLocal">The same time in the business time zone, with its offset.</param>
/// <param name="Overdue">The time has passed.</param>
public sealed record FollowUpDto(
    string CallId, int AgentId, string DriverId, string DriverName, string? DriverTmId, string DriverPhone,
    DateTime FollowUpAt, DateTimeOffset FollowUpAtLocal, bool Overdue,
    DateTime LastCallAt, CallStatus LastStatus, CallOutcome? LastOutcome, string? LastFeedback, string? LastRemarks);

/// <summary>The signed-in agent's follow-ups, soonest first. Supervisors and admins may pass another agent's id.</summary>
[Authorize]
public sealed record GetFollowUpsQuery(FollowUpDue Due = FollowUpDue.Today, int? AgentId = null, int Limit = 50, int Offset = 0)
    : IQuery<PagedResult<FollowUpDto>>;

public sealed class GetFollowUpsValidator : AbstractValidator<GetFollowUpsQuery>
{
    public GetFollowUpsValidator()
    {
        RuleFor(x => x.Due).IsInEnum();
        RuleFor(x => x.Limit).InclusiveBetween(1, 200);
        RuleFor(x => x.Offset).InclusiveBetween(0, 1_000_000);
    }
}

public sealed class GetFollowUpsHandler(FollowUpQueries followUps, ICurrentUser user, BusinessCalendar calendar)
    : IQueryHandler<GetFollowUpsQuery, PagedResult<FollowUpDto>>
{
    public async ValueTask<PagedResult<FollowUpDto>> Handle(GetFollowUpsQuery q, CancellationToken cancellationToken)
    {
        if (q.AgentId is not null && q.AgentId != user.AgentId && user.Role is AgentRole.Telecaller)
            throw new ForbiddenException("Telecallers see only their own follow-ups.");
        var now = calendar.UtcNow;
        var calls = followUps.Pending(q.AgentId ?? user.AgentId);
        switch (q.Due)
        {
            case FollowUpDue.Today:
                var (start, end) = (calendar.StartOfDayUtc(calendar.Today), calendar.StartOfDayUtc(calendar.Today.AddDays(1)));
                calls = calls.Where(c => c.FollowUpAt >= start && c.FollowUpAt < end);
                break;
            case FollowUpDue.Overdue:
                calls = calls.Where(c => c.FollowUpAt < now);
                break;
            case FollowUpDue.Upcoming:
                calls = calls.Where(c => c.FollowUpAt >= now);
                break;
        }
        var total = await calls.CountAsync(cancellationToken);
        var page = await calls.OrderBy(c => c.FollowUpAt).ThenBy(c => c.Id).Skip(q.Offset).Take(q.Limit).ToListAsync(cancellationToken);
        var items = page.Select(c => new FollowUpDto(
            c.Id, c.AgentId, c.DriverId, c.DriverName, c.DriverTmId, c.DriverPhone, c.FollowUpAt!.Value, calendar.ToLocal(c.FollowUpAt.Value),
            c.FollowUpAt < now, c.CreatedAt, c.Status, c.Outcome, c.Feedback, c.Remarks)).ToList();
        return new PagedResult<FollowUpDto>(items, total, q.Limit, q.Offset);
    }
}
