using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.EraseDriver;

/// <summary>
/// Erases one driver's personal data everywhere at once (an erasure request; admins only), in one transaction: the driver
/// row is kept as a tombstone (masked phone, name "(removed)", no TeleCMI id) so the calls still reference it and still
/// count; every call to the driver gets the masked phone and name; stored webhook bodies that carry the number get it
/// masked; the driver's audit entries get their name/phone/TeleCMI id values replaced. One audit entry records that the
/// erasure happened, without the erased values. Idempotent: erasing again changes nothing more.
/// </summary>
[Authorize(AgentRole.Admin)]
public sealed record EraseDriverCommand(string DriverId) : ICommand<EraseDriverResult>;

/// <summary>What an erasure changed.</summary>
/// <param name="DriverId">The driver, kept as a tombstone.</param>
/// <param name="ErasedAt">When the driver's data was erased (the first erasure's time).</param>
/// <param name="CallsMasked">Calls whose driver phone and name were masked now.</param>
/// <param name="WebhookDeliveriesRedacted">Stored webhook bodies in which the number was masked now.</param>
/// <param name="AuditEntriesRedacted">Audit entries whose values of the driver's personal data were replaced now.</param>
public sealed record EraseDriverResult(string DriverId, DateTime ErasedAt, int CallsMasked, int WebhookDeliveriesRedacted, int AuditEntriesRedacted);

public sealed class EraseDriverValidator : AbstractValidator<EraseDriverCommand>
{
    public EraseDriverValidator()
    {
        RuleFor(x => x.DriverId).NotEmpty().MaximumLength(50);
    }
}

public sealed class EraseDriverHandler(IAppDbContext db, TimeProvider clock, IAuditTrail audit) : ICommandHandler<EraseDriverCommand, EraseDriverResult>
{
    public async ValueTask<EraseDriverResult> Handle(EraseDriverCommand command, CancellationToken cancellationToken)
    {
        var driver = await db.Drivers.FirstOrDefaultAsync(d => d.Id == command.DriverId, cancellationToken)
            ?? throw new NotFoundException($"No driver with id '{command.DriverId}'.");
        var now = clock.GetUtcNow().UtcDateTime;

        // The numbers to look for: the driver's own (unless already masked) and every number the calls dialled.
        var calls = await db.CallLogs.Where(c => c.DriverId == driver.Id).ToListAsync(cancellationToken);
        var numbers = calls.Select(c => c.DriverPhone).Append(driver.Phone).Where(p => !PhoneNumber.IsMasked(p)).Distinct().ToList();
        var callsMasked = calls.Count(c => c.RemovePersonalData(now));

        var deliveriesRedacted = 0;
        foreach (var number in numbers)
        {
            var forms = PayloadRedaction.FormsOf(number);
            // A LIKE over the stored bodies: a full scan, acceptable for a one-off erasure (deliveries are kept 90-180 days).
            var national = forms[^1];
            var deliveries = await db.WebhookDeliveries.Where(d => d.Payload.Contains(national)).ToListAsync(cancellationToken);
            deliveriesRedacted += deliveries.Count(d => d.RedactPayload(PayloadRedaction.Mask(d.Payload, forms, PhoneNumber.Mask(number))));
        }

        var entries = await db.AuditEntries
            .Where(e => e.EntityType == AuditEntities.Driver && e.EntityId == driver.Id).ToListAsync(cancellationToken);
        var entriesRedacted = entries.Count(e => e.Redact(AuditChangesJson.Write(AuditChangesJson.Read(e.Changes)
            .Select(c => DriverAudit.PersonalFields.Contains(c.Field)
                ? new AuditChange(c.Field, c.Before is null ? null : Driver.RemovedName, c.After is null ? null : Driver.RemovedName)
                : new AuditChange(c.Field, c.Before, c.After)).ToList())));

        if (driver.Erase(now)) audit.Record(AuditEntities.Driver, driver.Id, AuditActions.Erased, []);
        await db.SaveChangesAsync(cancellationToken);
        return new EraseDriverResult(driver.Id, driver.ErasedAt!.Value, callsMasked, deliveriesRedacted, entriesRedacted);
    }
}
