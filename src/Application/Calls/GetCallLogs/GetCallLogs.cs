using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Common.Security;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.GetCallLogs;

/// <summary>Lists call logs, newest first. A telecaller always gets only their own.</summary>
[Authorize]
public sealed record GetCallLogsQuery(
    int? AgentId = null, string? DriverId = null, CallProvider? Provider = null, CallStatus? Status = null,
    CallOutcome? Outcome = null, DateTime? From = null, DateTime? To = null, int Limit = 50, int Offset = 0)
    : IQuery<PagedResult<CallLogDto>>;

public sealed class GetCallLogsValidator : AbstractValidator<GetCallLogsQuery>
{
    public GetCallLogsValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, 200);
        RuleFor(x => x.Offset).InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.DriverId).MaximumLength(50);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("'to' must not be before 'from'.");
    }
}

public sealed class GetCallLogsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetCallLogsQuery, PagedResult<CallLogDto>>
{
    public async ValueTask<PagedResult<CallLogDto>> Handle(GetCallLogsQuery q, CancellationToken cancellationToken)
    {
        var calls = db.CallLogs.AsNoTracking()
            .Filter(new CallLogFilter(q.AgentId, q.DriverId, q.Provider, q.Status, q.Outcome, q.From, q.To), user);
        var total = await calls.CountAsync(cancellationToken);
        var page = await calls.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip(q.Offset).Take(q.Limit).ToListAsync(cancellationToken);
        return new PagedResult<CallLogDto>(page.Select(CallLogDto.From).ToList(), total, q.Limit, q.Offset);
    }
}

/// <summary>One call log.</summary>
[Authorize]
public sealed record GetCallLogQuery(string Id) : IQuery<CallLogDto>;

public sealed class GetCallLogHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetCallLogQuery, CallLogDto>
{
    public async ValueTask<CallLogDto> Handle(GetCallLogQuery query, CancellationToken cancellationToken) =>
        CallLogDto.From(await db.CallLogs.AsNoTracking().FindVisibleAsync(user, query.Id, cancellationToken));
}
