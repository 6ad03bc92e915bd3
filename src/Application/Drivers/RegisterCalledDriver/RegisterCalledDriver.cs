using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Common.Security;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.RegisterCalledDriver;

/// <summary>
/// Makes sure a driver the platform knows and an agent is about to call through TeleCMI exists here too: an unknown id
/// is stored with the number given and a placeholder name (<c>Driver &lt;id&gt;</c>) until the platform sends the driver
/// (<c>PUT /api/drivers/{id}</c> or the import). An existing driver is never changed (the number is still dialled for this
/// call: InitiateCall's <c>phone</c>). Nothing is stored for an agent who
/// may not place TeleCMI calls: InitiateCall refuses them next.
/// </summary>
/// <param name="DriverId">The platform's driver id.</param>
/// <param name="Phone">The number the agent is about to dial.</param>
[Authorize]
public sealed record RegisterCalledDriverCommand(string DriverId, string Phone) : ICommand<bool>, IManagesOwnTransaction;

public sealed class RegisterCalledDriverValidator : AbstractValidator<RegisterCalledDriverCommand>
{
    public RegisterCalledDriverValidator()
    {
        RuleFor(x => x.DriverId).NotEmpty().MaximumLength(Driver.MaxIdLength).Matches(@"^[^\x00-\x1F\x7F]+$")
            .WithMessage("The driver id is 1 to 50 printable characters.");
        // As in InitiateCall: an emergency number is well-formed but never dialable, a 422 from the handler, not a 400.
        RuleFor(x => x.Phone).ValidPhone().When(x => !PhoneNumber.IsEmergency(x.Phone));
    }
}

public sealed class RegisterCalledDriverHandler(IAppDbContext db, ICurrentUser user, DestinationPolicy destinations, TimeProvider clock)
    : ICommandHandler<RegisterCalledDriverCommand, bool>
{
    /// <returns>True when the driver was added.</returns>
    public async ValueTask<bool> Handle(RegisterCalledDriverCommand command, CancellationToken cancellationToken)
    {
        var agentId = user.AgentId ?? throw new UnauthorizedException("Sign in first.");
        if (await db.Drivers.AnyAsync(d => d.Id == command.DriverId, cancellationToken)) return false;
        if (!await db.Agents.AnyAsync(a => a.Id == agentId && a.TeleCmiCallingAllowed, cancellationToken)) return false;

        // A number TeleCMI may not dial is refused here as InitiateCall would (422 naming 'phone'), before anything is stored.
        var phone = DialableDestination.Choose(destinations, command.Phone, command.Phone).Number;
        db.Drivers.Add(new Driver(command.DriverId, $"Driver {command.DriverId}", phone, null, DriverKind.Driver,
            clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request added the same driver at the same moment: it exists, which is all that was asked.
            // Anything else (the database gone) fails again here, or is rethrown.
            db.ClearTracked();
            if (await db.Drivers.AnyAsync(d => d.Id == command.DriverId, cancellationToken)) return false;
            throw;
        }
    }
}
