using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.CreateDriver;

/// <summary>Adds a driver or transporter under the platform's own id (admins only).</summary>
[Authorize(AgentRole.Admin)]
public sealed record CreateDriverCommand(string Id, string Name, string Phone, string? TmId, DriverKind Kind) : ICommand<DriverDto>, IDriverFields;

public sealed class CreateDriverValidator : AbstractValidator<CreateDriverCommand>
{
    public CreateDriverValidator()
    {
        Include(new DriverFieldsValidator());
        RuleFor(x => x.Kind).IsInEnum();
    }
}

public sealed class CreateDriverHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<CreateDriverCommand, DriverDto>
{
    public async ValueTask<DriverDto> Handle(CreateDriverCommand command, CancellationToken cancellationToken)
    {
        if (await db.Drivers.AnyAsync(d => d.Id == command.Id, cancellationToken))
            throw new ConflictException($"A driver with id '{command.Id}' exists already.", command.Id);
        var driver = new Driver(command.Id, command.Name, PhoneNumber.Parse(command.Phone), command.TmId, command.Kind, clock.GetUtcNow().UtcDateTime);
        db.Drivers.Add(driver);
        await db.SaveChangesAsync(cancellationToken);
        return DriverDto.From(driver);
    }
}
