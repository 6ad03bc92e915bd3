using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Drivers.Common;

namespace TeleCmi.Application.Drivers.GetDriver;

/// <summary>One driver by the platform's id.</summary>
[Authorize]
public sealed record GetDriverQuery(string Id) : IQuery<DriverDto>;

public sealed class GetDriverHandler(IAppDbContext db) : IQueryHandler<GetDriverQuery, DriverDto>
{
    public async ValueTask<DriverDto> Handle(GetDriverQuery query, CancellationToken cancellationToken)
    {
        var driver = await db.Drivers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException($"No driver with id '{query.Id}'.");
        return DriverDto.From(driver);
    }
}
