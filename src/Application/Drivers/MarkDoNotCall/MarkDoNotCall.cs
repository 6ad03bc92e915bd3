using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.MarkDoNotCall;

/// <summary>Marks a driver do-not-call (supervisors and admins). A driver already marked keeps the first mark.</summary>
[Authorize(AgentRole.Supervisor, AgentRole.Admin)]
public sealed record MarkDoNotCallCommand(string DriverId, string? Reason, DoNotCallSource? Source) : ICommand<DriverDto>;

public sealed class MarkDoNotCallValidator : AbstractValidator<MarkDoNotCallCommand>
{
    public MarkDoNotCallValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say why the driver is not to be called: reason is required.")
            .MaximumLength(DoNotCallRecord.MaxReasonLength).NoControlCharacters();
        RuleFor(x => x.Source).NotNull().WithMessage("Say where the request came from: source is required.").IsInEnum();
    }
}

public sealed class MarkDoNotCallHandler(IAppDbContext db, ICurrentUser user, DoNotCallMarker marker) : ICommandHandler<MarkDoNotCallCommand, DriverDto>
{
    public async ValueTask<DriverDto> Handle(MarkDoNotCallCommand command, CancellationToken cancellationToken)
    {
        var driver = await db.Drivers.FirstOrDefaultAsync(d => d.Id == command.DriverId, cancellationToken)
            ?? throw new NotFoundException($"No driver with id '{command.DriverId}'.");
        await marker.MarkAsync(driver, command.Reason!, command.Source!.Value, user.AgentId, cancellationToken);
        return DriverDto.From(driver);
    }
}
