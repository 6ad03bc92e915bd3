using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.UpsertDriver;

/// <summary>
/// Stores the platform's record of one driver under the platform's id: adds it when new, replaces its details when
/// they differ, and changes nothing when they are the same (admins only).
/// </summary>
/// <remarks>
/// One read and one write need no transaction of their own, and a duplicate-key failure (the same new id put twice at
/// once) must not abort one it would share: it is retried as an update.
/// </remarks>
[Authorize(AgentRole.Admin)]
public sealed record UpsertDriverCommand(string Id, string Name, string Phone, string? TmId, DriverKind Kind)
    : ICommand<UpsertDriverResult>, IDriverFields, IManagesOwnTransaction;

/// <summary>The driver as stored, and whether this request added it.</summary>
public sealed record UpsertDriverResult(DriverDto Driver, DriverUpsertOutcome Outcome);

public sealed class UpsertDriverValidator : AbstractValidator<UpsertDriverCommand>
{
    public UpsertDriverValidator()
    {
        Include(new DriverFieldsValidator());
        RuleFor(x => x.Kind).IsInEnum();
    }
}

public sealed class UpsertDriverHandler(IAppDbContext db, TimeProvider clock, IAuditTrail audit) : ICommandHandler<UpsertDriverCommand, UpsertDriverResult>
{
    public async ValueTask<UpsertDriverResult> Handle(UpsertDriverCommand command, CancellationToken cancellationToken)
    {
        var phone = PhoneNumber.Parse(command.Phone);
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var driver = await db.Drivers.FirstOrDefaultAsync(d => d.Id == command.Id, cancellationToken);
            if (driver is not null)
            {
                var before = DriverAudit.State.Of(driver);
                var changed = driver.Update(command.Name, phone, command.TmId, command.Kind, now);
                if (changed) audit.RecordDriver(AuditActions.Updated, before, driver);
                if (changed) await db.SaveChangesAsync(cancellationToken);
                return new UpsertDriverResult(DriverDto.From(driver), changed ? DriverUpsertOutcome.Updated : DriverUpsertOutcome.Unchanged);
            }

            driver = new Driver(command.Id, command.Name, phone, command.TmId, command.Kind, now);
            db.Drivers.Add(driver);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new UpsertDriverResult(DriverDto.From(driver), DriverUpsertOutcome.Created);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another request added the same id between our read and our insert: read it again and update it.
                db.ClearTracked();
            }
        }
    }
}
