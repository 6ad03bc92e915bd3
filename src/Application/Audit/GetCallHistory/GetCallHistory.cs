using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;

namespace TeleCmi.Application.Audit.GetCallHistory;

/// <summary>Every recorded change of one call, oldest first: the call's own agent, supervisors and admins.</summary>
[Authorize]
public sealed record GetCallHistoryQuery(string CallId) : IQuery<IReadOnlyList<AuditEntryDto>>;

public sealed class GetCallHistoryValidator : AbstractValidator<GetCallHistoryQuery>
{
    public GetCallHistoryValidator()
    {
        RuleFor(x => x.CallId).NotEmpty().MaximumLength(64);
    }
}

public sealed class GetCallHistoryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetCallHistoryQuery, IReadOnlyList<AuditEntryDto>>
{
    /// <summary>A call's history is short (a few feedback edits); this bounds a pathological one.</summary>
    public const int MaxEntries = 1000;

    public async ValueTask<IReadOnlyList<AuditEntryDto>> Handle(GetCallHistoryQuery query, CancellationToken cancellationToken)
    {
        // 404 for another telecaller's call, as for the call itself.
        var call = await db.CallLogs.AsNoTracking().FindVisibleAsync(user, query.CallId, cancellationToken);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == AuditEntities.Call && e.EntityId == call.Id)
            .OrderBy(e => e.Id).Take(MaxEntries).ToListAsync(cancellationToken);
        return entries.Select(AuditEntryDto.From).ToList();
    }
}
