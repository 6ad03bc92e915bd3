using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Common.Observability;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Compliance.Common;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;

namespace TeleCmi.Application.Calls.LogManualCall;

/// <summary>Logs a call the signed-in agent dialled by hand.</summary>
[Authorize]
public sealed record LogManualCallCommand(
    string DriverId, string? Phone, CallOutcome? Outcome, int? DurationSeconds,
    string? Feedback, string? Remarks, string? Notes, DateTime? FollowUpAt) : ICommand<CallLogDto>;

public sealed class LogManualCallValidator : AbstractValidator<LogManualCallCommand>
{
    public LogManualCallValidator(TimeProvider clock)
    {
        RuleFor(x => x.DriverId).NotEmpty().MaximumLength(50);
        RuleFor(x => x.Phone).ValidPhone().When(x => x.Phone is not null);
        RuleFor(x => x.Outcome).NotNull().WithMessage("Say what happened: outcome is required.").IsInEnum();
        RuleFor(x => x.DurationSeconds).InclusiveBetween(0, CallLog.MaxDurationSeconds);
        RuleFor(x => x.Feedback).MaximumLength(CallLog.MaxFeedbackLength).NoControlCharacters();
        RuleFor(x => x.Remarks).MaximumLength(CallLog.MaxRemarksLength).NoControlCharacters();
        RuleFor(x => x.Notes).MaximumLength(CallLog.MaxRemarksLength).NoControlCharacters();
        RuleFor(x => x.FollowUpAt).InFollowUpWindow(clock);
    }
}

public sealed class LogManualCallHandler(
    IAppDbContext db, ICurrentUser user, TimeProvider clock, TeleCmiMetrics metrics, IAuditTrail audit, CallingHoursGuard hours,
    DoNotCallOutcome doNotCall)
    : ICommandHandler<LogManualCallCommand, CallLogDto>
{
    /// <remarks>A call dialled by hand is logged whatever the time: only its follow-up must fall inside the calling hours.</remarks>
    public async ValueTask<CallLogDto> Handle(LogManualCallCommand command, CancellationToken cancellationToken)
    {
        hours.EnsureFollowUpAllowed(command.FollowUpAt?.ToUniversalTime());
        var driver = await db.Drivers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.DriverId, cancellationToken)
            ?? throw new NotFoundException($"No driver with id '{command.DriverId}'.");
        if (command.Phone is null && PhoneNumber.IsMasked(driver.Phone))
            throw new DomainException("The driver's number on record was erased. Pass the number dialled as 'phone'.", "phone");
        var phone = command.Phone is null ? PhoneNumber.FromStored(driver.Phone) : PhoneNumber.Parse(command.Phone);
        var report = new AgentReport(command.Outcome!.Value, command.Feedback, command.Remarks, command.Notes, command.DurationSeconds,
            command.FollowUpAt?.ToUniversalTime());
        var call = CallLog.LogManualCall(user.AgentId!.Value, new CallParty(driver.Id, driver.Name, driver.TmId, phone), report,
            clock.GetUtcNow().UtcDateTime);
        db.CallLogs.Add(call);
        audit.RecordReport(AuditActions.Created, CallAudit.ReportState.Empty, call);
        await db.SaveChangesAsync(cancellationToken);
        await doNotCall.ApplyAsync(call, cancellationToken);
        metrics.CallInitiated(CallProvider.Manual, TeleCmiMetrics.CallResults.Logged);
        return CallLogDto.From(call);
    }
}
