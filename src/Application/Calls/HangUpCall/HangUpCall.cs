using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;

namespace TeleCmi.Application.Calls.HangUpCall;

/// <summary>
/// Asks TeleCMI to end a live TeleCMI call (the call's agent, supervisors, admins). The status is not changed here: TeleCMI's
/// webhooks say how the call ended, as for any other call.
/// </summary>
[Authorize]
public sealed record HangUpCallCommand(string Id) : ICommand<CallLogDto>, IManagesOwnTransaction;

public sealed class HangUpCallValidator : AbstractValidator<HangUpCallCommand>
{
    public HangUpCallValidator() => RuleFor(x => x.Id).NotEmpty().MaximumLength(64);
}

public sealed class HangUpCallHandler(IAppDbContext db, ICurrentUser user, ITeleCmiPasswordProtector passwords, TeleCmiUserSession teleCmi)
    : ICommandHandler<HangUpCallCommand, CallLogDto>
{
    /// <summary>How soon to ask again when TeleCMI has not yet reported the agent's leg (its first webhook comes within seconds).</summary>
    public static readonly TimeSpan LegIdRetryAfter = TimeSpan.FromSeconds(2);

    public async ValueTask<CallLogDto> Handle(HangUpCallCommand command, CancellationToken cancellationToken)
    {
        // The same rule as GET /api/calls/{id}: another telecaller's call does not exist for this caller.
        var call = await db.CallLogs.AsNoTracking().FindVisibleAsync(user, command.Id, cancellationToken);
        var agentLegId = HangUpRules.AgentLegToEnd(call);
        var account = await db.Agents.AsNoTracking().Where(a => a.Id == call.AgentId)
            .Select(a => new { a.Id, a.TeleCmiUserId, a.TeleCmiPasswordCipher }).FirstOrDefaultAsync(cancellationToken);
        if (account?.TeleCmiUserId is not { Length: > 0 } userId)
            throw new UnprocessableException("The call's agent has no TeleCMI user id, so TeleCMI cannot be asked to end the call.");
        if (account.TeleCmiPasswordCipher is null)
            throw new UnprocessableException($"No TeleCMI password is set for agent {account.Id}: TeleCMI's hang-up needs the agent's own TeleCMI login. " +
                                             $"An admin sets it with PATCH /api/agents/{account.Id} {{\"teleCmiPassword\": \"...\"}}.");
        var password = passwords.Unprotect(account.TeleCmiPasswordCipher)
            ?? throw new UnprocessableException($"The TeleCMI password stored for agent {account.Id} can no longer be read (its encryption key is gone). " +
                                                $"An admin sets it again with PATCH /api/agents/{account.Id} {{\"teleCmiPassword\": \"...\"}}.");

        // From here the client going away must not cut TeleCMI's answer short: the call may be ending.
        var result = await teleCmi.HangUpAsync(userId, password, agentLegId, CancellationToken.None);
        switch (result)
        {
            case HangUpResult.Accepted:
                return CallLogDto.From(call);
            case HangUpResult.Refused { LoginRefused: true } refused:
                throw new ProviderRefusedException($"TeleCMI refused the TeleCMI login of agent {account.Id} ({refused.Message}). " +
                                                   "An admin checks the agent's teleCmiUserId and teleCmiPassword.", call.Id);
            case HangUpResult.Refused refused:
                // TeleCMI says 404 both for a bad token and for a call it no longer has: the call may just have ended.
                var now = await db.CallLogs.AsNoTracking().FirstAsync(c => c.Id == call.Id, CancellationToken.None);
                if (!now.IsLive) throw new ConflictException($"The call ended before TeleCMI could hang it up (status {HangUpRules.StatusName(now.Status)}).");
                throw new ProviderRefusedException($"TeleCMI refused to end the call: {refused.Message}", call.Id);
            case HangUpResult.Unavailable unavailable:
                throw new ProviderUnavailableException(unavailable.MayHaveEnded
                        ? "TeleCMI did not answer in time; the call may have ended anyway. Follow its status before trying again."
                        : $"TeleCMI is unavailable: {unavailable.Reason}. The call goes on; try again.",
                    unavailable.RetryAfter, timedOut: unavailable.MayHaveEnded, callId: call.Id);
            default:
                throw new InvalidOperationException($"Unexpected gateway result {result.GetType().Name}.");
        }
    }
}
