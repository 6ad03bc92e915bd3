using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Drivers.LiftDoNotCall;

/// <summary>Lifts a driver's do-not-call mark (supervisors and admins); the record keeps who lifted it and when.</summary>
[Authorize(AgentRole.Supervisor, AgentRole.Admin)]
public sealed record LiftDoNotCallCommand(string DriverId) : ICommand<DriverDto>;

public sealed class LiftDoNotCallHandler(IAppDbContext db, ICurrentUser user, DoNotCallMarker marker) : ICommandHandler<LiftDoNotCallCommand, DriverDto>
{
    public async ValueTask<DriverDto> Handle(LiftDoNotCallCommand command, CancellationToken cancellationToken)
    {
        var driver = await db.Drivers.FirstOrDefaultAsync(d => d.Id == command.DriverId, cancellationToken)
            ?? throw new NotFoundException($"No driver with id '{command.DriverId}'.");
        await marker.LiftAsync(driver, user.AgentId!.Value, cancellationToken);
        return DriverDto.From(driver);
    }
}
