using FluentValidation;
using Mediator;
using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Compliance.Common;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.UpdateFeedback;

/// <summary>
/// Records the agent's outcome and notes on a call. Never changes the provider's status. A full replace: the agent's
/// report becomes exactly what is sent (a field left out is cleared), except <c>durationSeconds</c>, kept when left out.
/// Every change is appended to the call's history, so the earlier values stay visible there.
/// </summary>
/// <param name="UnexpectedFields">The other fields of the body: those the service records (<see cref="FeedbackFields"/>) are refused, the rest ignored.</param>
[Authorize]
public sealed record UpdateFeedbackCommand(
    string CallId, CallOutcome? Outcome, string? Feedback, string? Remarks, string? Notes, int? DurationSeconds,
    DateTime? FollowUpAt, IReadOnlyList<string> UnexpectedFields) : ICommand<CallLogDto>, IManagesOwnTransaction;

public sealed class UpdateFeedbackValidator : AbstractValidator<UpdateFeedbackCommand>
{
    public UpdateFeedbackValidator(TimeProvider clock)
    {
        RuleFor(x => x.CallId).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Outcome).NotNull().WithMessage("Say what happened: outcome is required.").IsInEnum();
        RuleFor(x => x.DurationSeconds).InclusiveBetween(0, CallLog.MaxDurationSeconds);
        RuleFor(x => x.Feedback).MaximumLength(CallLog.MaxFeedbackLength).NoControlCharacters();
        RuleFor(x => x.Remarks).MaximumLength(CallLog.MaxRemarksLength).NoControlCharacters();
        RuleFor(x => x.Notes).MaximumLength(CallLog.MaxRemarksLength).NoControlCharacters();
        RuleFor(x => x.FollowUpAt).InFollowUpWindow(clock);
        RuleFor(x => x.UnexpectedFields).Custom((fields, context) =>
        {
            foreach (var field in fields.Where(FeedbackFields.IsRecordedByTheService))
                context.AddFailure(field, $"'{field}' cannot be set here: it is recorded by the service, not by the agent.");
        });
    }
}

public sealed class UpdateFeedbackHandler(
    IAppDbContext db, ICurrentUser user, TimeProvider clock, IAuditTrail audit, CallingHoursGuard hours, DoNotCallOutcome doNotCall)
    : ICommandHandler<UpdateFeedbackCommand, CallLogDto>
{
    public async ValueTask<CallLogDto> Handle(UpdateFeedbackCommand command, CancellationToken cancellationToken)
    {
        var call = await db.CallLogs.FindVisibleAsync(user, command.CallId, cancellationToken);
        hours.EnsureFollowUpAllowed(command.FollowUpAt?.ToUniversalTime());
        var report = new AgentReport(command.Outcome!.Value, command.Feedback, command.Remarks, command.Notes, command.DurationSeconds,
            command.FollowUpAt?.ToUniversalTime());
        // The entry is added with the change, so it is written by the same SaveChanges; a concurrency retry clears both and
        // applies (and records) the change again against the fresh row, so the history's "before" is what was replaced.
        call = await db.ChangeAsync(call, c =>
        {
            var before = CallAudit.ReportState.Of(c);
            c.RecordFeedback(report, clock.GetUtcNow().UtcDateTime);
            audit.RecordReport(AuditActions.Feedback, before, c);
        }, cancellationToken);
        await doNotCall.ApplyAsync(call, cancellationToken);
        return CallLogDto.From(call);
    }
}
