using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;

namespace TeleCmi.Application.Calls.GetCallLog;

/// <summary>One call log.</summary>
[Authorize]
public sealed record GetCallLogQuery(string Id) : IQuery<CallLogDto>;

public sealed class GetCallLogHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetCallLogQuery, CallLogDto>
{
    public async ValueTask<CallLogDto> Handle(GetCallLogQuery query, CancellationToken cancellationToken) =>
        CallLogDto.From(await db.CallLogs.AsNoTracking().FindVisibleAsync(user, query.Id, cancellationToken));
}
