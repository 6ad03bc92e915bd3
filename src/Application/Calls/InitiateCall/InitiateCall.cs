using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Common.Observability;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Webhooks.Common;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Drivers;
using TeleCmi.Application.Compliance.Common;

namespace TeleCmi.Application.Calls.InitiateCall;

/// <summary>Calls a driver through TeleCMI: the signed-in agent's phone rings first, then the driver's.</summary>
/// <param name="DriverId">The platform's driver id.</param>
/// <param name="Phone">Number to dial; defaults to the driver's number on record.</param>
[Authorize]
public sealed record InitiateCallCommand(string DriverId, string? Phone) : ICommand<CallLogDto>, IManagesOwnTransaction;

public sealed class InitiateCallValidator : AbstractValidator<InitiateCallCommand>
{
    public InitiateCallValidator()
    {
        RuleFor(x => x.DriverId).NotEmpty().MaximumLength(50);
        // An emergency number is well-formed but never dialable: the handler refuses it with 422, not 400.
        RuleFor(x => x.Phone).ValidPhone().When(x => x.Phone is not null && !PhoneNumber.IsEmergency(x.Phone));
    }
}

public sealed class InitiateCallHandler(
    IAppDbContext db,
    ICurrentUser user,
    ITeleCmiGateway teleCmi,
    WebhookApplier webhooks,
    TimeProvider clock,
    BusinessCalendar calendar,
    IOptions<CallPolicyOptions> policy,
    DestinationPolicy destinations,
    CallingHoursGuard hours,
    TeleCmiMetrics metrics,
    ILogger<InitiateCallHandler> logger) : ICommandHandler<InitiateCallCommand, CallLogDto>
{
    public async ValueTask<CallLogDto> Handle(InitiateCallCommand command, CancellationToken cancellationToken)
    {
        var agentId = user.AgentId ?? throw new UnauthorizedException("Sign in first.");
        var (call, teleCmiUserId, phone) = await StoreDecidedCallAsync(agentId, command, cancellationToken);

        // Asked only after the decision committed: the agent's row is never locked over an HTTP call.
        // From here on the client going away must not leave the record half-done.
        var result = await teleCmi.ClickToCallAsync(new ClickToCallRequest(teleCmiUserId, phone.Digits, call.Id), CancellationToken.None);
        metrics.CallInitiated(CallProvider.TeleCmi, result switch
        {
            ClickToCallResult.Accepted => TeleCmiMetrics.CallResults.Accepted,
            ClickToCallResult.Refused => TeleCmiMetrics.CallResults.Refused,
            ClickToCallResult.NotPlaced => TeleCmiMetrics.CallResults.NotPlaced,
            _ => TeleCmiMetrics.CallResults.Unconfirmed,
        });
        switch (result)
        {
            case ClickToCallResult.Accepted accepted:
                call = await db.ChangeAsync(call, c => c.MarkDispatched(accepted.RequestId, Now), CancellationToken.None);
                if (await webhooks.ReplayUnmatchedAsync(call.Id, call.TeleCmiRequestId, CancellationToken.None) > 0)
                {
                    // The replayed deliveries were saved through their own retries; read what they left.
                    db.ClearTracked();
                    call = await db.CallLogs.AsNoTracking().FirstAsync(c => c.Id == call.Id, CancellationToken.None);
                }
                return CallLogDto.From(call);
            case ClickToCallResult.Refused refused:
                await db.ChangeAsync(call, c => c.MarkFailed($"TeleCMI refused the call (code {refused.Code}): {refused.Message}", Now), CancellationToken.None);
                throw new ProviderRefusedException($"TeleCMI refused the call: {refused.Message}", call.Id);
            case ClickToCallResult.NotPlaced notPlaced:
                await db.ChangeAsync(call, c => c.MarkNotPlaced($"TeleCMI unavailable, no call was placed: {notPlaced.Reason}", Now), CancellationToken.None);
                throw new ProviderUnavailableException($"TeleCMI is unavailable: {notPlaced.Reason}. No call was placed; try again later.", notPlaced.RetryAfter, callId: call.Id);
            case ClickToCallResult.Unconfirmed unconfirmed:
                logger.LogWarning("TeleCMI did not confirm call {CallId}: {Reason}", call.Id, unconfirmed.Reason);
                await db.ChangeAsync(call, c => c.MarkUnconfirmed($"TeleCMI did not answer in time ({unconfirmed.Reason}); the call may still have been placed.", Now), CancellationToken.None);
                throw new ProviderUnavailableException("TeleCMI did not answer in time; the call may still have been placed. Check the call log before trying again.",
                    unconfirmed.RetryAfter, timedOut: true, callId: call.Id);
            default:
                throw new InvalidOperationException($"Unexpected gateway result {result.GetType().Name}.");
        }
    }

    /// <summary>
    /// Decides whether to dial and stores the <see cref="CallStatus.Initiating"/> call, atomically in the database: one
    /// short transaction whose first statement writes the agent's row (<see cref="Agent.LastDialAt"/>). On MySQL/MariaDB
    /// that statement holds the row's exclusive lock until the commit, so the same agent's other dials, on this instance
    /// or any other sharing the database, wait there and then, at READ COMMITTED, read the facts this one committed; on
    /// SQLite the transaction is <c>BEGIN IMMEDIATE</c>, which serialises writers. Refusals roll back and change nothing.
    /// </summary>
    private async Task<(CallLog Call, string TeleCmiUserId, PhoneNumber Phone)> StoreDecidedCallAsync(
        int agentId, InitiateCallCommand command, CancellationToken cancellationToken)
    {
        await using var decision = await db.BeginReadCommittedTransactionAsync(cancellationToken);
        await db.Agents.Where(a => a.Id == agentId).ExecuteUpdateAsync(a => a.SetProperty(x => x.LastDialAt, Now), cancellationToken);
        var (todayStart, tomorrowStart) = calendar.DayAround(Now);
        var facts = await ReadFactsAsync(agentId, command.DriverId, todayStart, cancellationToken)
            ?? throw new UnauthorizedException("Your account no longer exists.");
        if (!facts.CallingAllowed)
            throw new ForbiddenException("TeleCMI calling is not enabled for your account. Log the call with POST /api/calls/manual, or ask an admin to enable it.");
        if (facts.TeleCmiUserId is not { Length: > 0 } teleCmiUserId)
            throw new ForbiddenException("Your account has no TeleCMI user id. Ask an admin to set one.");
        var driver = facts.Driver ?? throw new NotFoundException($"No driver with id '{command.DriverId}'.");
        // Refusals before anything is stored or sent, as for a number that may not be dialled: 422, the transaction rolled back.
        if (Driver.DialRefusal(driver.DoNotCallSince, driver.DoNotCallReason, driver.DoNotCallSource) is { } doNotCall)
            throw new DomainException(doNotCall, DriverIdField);
        hours.EnsureCallingAllowedNow();
        // Before anything is stored: a number the business never means to ring (abroad, premium rate, ...) is a 422, not a call.
        var phone = DialableDestination.Choose(destinations, command.Phone, driver.Phone).Number;
        if (!new DailyCallCap(policy.Value.DailyTeleCmiCallCap).Allows(facts.PlacedToday))
        {
            metrics.CallInitiated(CallProvider.TeleCmi, TeleCmiMetrics.CallResults.DailyCap);
            throw new TooManyRequestsException(
                $"You have placed today's maximum of {policy.Value.DailyTeleCmiCallCap} TeleCMI calls. Log further calls with POST /api/calls/manual.",
                tomorrowStart - Now);
        }
        if (facts.LiveCallId is { } live)
        {
            metrics.CallInitiated(CallProvider.TeleCmi, TeleCmiMetrics.CallResults.Duplicate);
            throw new ConflictException($"You are already calling this driver (call {live}). Wait for it to finish before calling again.", live);
        }

        // Stored before TeleCMI is asked, so a webhook that beats TeleCMI's HTTP answer finds its call.
        var call = CallLog.StartTeleCmiCall(agentId, new CallParty(driver.Id, driver.Name, driver.TmId, phone), Now);
        db.CallLogs.Add(call);
        // The save is the transaction's last statement and a failure rolls all of it back: a savepoint (two more round
        // trips on MySQL) would buy nothing. Back on afterwards for the rest of the request's saves.
        db.Database.AutoSavepointsEnabled = false;
        try { await db.SaveChangesAsync(cancellationToken); }
        finally { db.Database.AutoSavepointsEnabled = true; }
        // Once the row is written it is committed even if the client has gone: TeleCMI is asked next either way.
        await decision.CommitAsync(CancellationToken.None);
        return (call, teleCmiUserId, phone);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>What deciding to dial needs, in one statement: the agent, the driver, and the agent's TeleCMI calls today and live ones to this driver.</summary>
    private sealed record DialFacts(bool CallingAllowed, string? TeleCmiUserId, DriverFacts? Driver, int PlacedToday, string? LiveCallId);

    private sealed record DriverFacts(string Id, string Name, string? TmId, string Phone, DateTime? DoNotCallSince, string? DoNotCallReason, DoNotCallSource? DoNotCallSource);

    /// <summary>The request field a do-not-call refusal names.</summary>
    private const string DriverIdField = "driverId";

    /// <summary>Null when the agent does not exist (any more).</summary>
    private Task<DialFacts?> ReadFactsAsync(int agentId, string driverId, DateTime todayStart, CancellationToken ct)
    {
        var since = Now.AddSeconds(-policy.Value.DuplicateCallWindowSeconds);
        var agentCalls = db.CallLogs.Where(c => c.AgentId == agentId);
        var countedToday = agentCalls.Where(c => c.CreatedAt >= todayStart).Where(DailyCallCap.Counts);
        var liveToDriver = agentCalls.Where(c => c.Provider == CallProvider.TeleCmi && c.DriverId == driverId && c.CreatedAt >= since)
            .Where(CallLiveness.IsLive);
        return (
            from a in db.Agents.AsNoTracking()
            where a.Id == agentId
            from d in db.Drivers.Where(d => d.Id == driverId).DefaultIfEmpty()
            select new DialFacts(
                a.TeleCmiCallingAllowed,
                a.TeleCmiUserId,
                d == null ? null : new DriverFacts(d.Id, d.Name, d.TmId, d.Phone, d.DoNotCallSince, d.DoNotCallReason, d.DoNotCallSource),
                countedToday.Count(),
                liveToDriver.OrderByDescending(c => c.CreatedAt).Select(c => c.Id).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
    }
}
