using TeleCmi.Domain.Common;

namespace TeleCmi.Domain.Calls;

/// <summary>
/// One call from an agent to a driver, with what the provider reported and what the agent recorded.
/// Telephony status is derived from accumulated facts (see <see cref="LegState"/>), so webhooks that
/// arrive twice, late or out of order converge on the same state; terminal states never move back.
/// </summary>
public sealed class CallLog
{
    /// <summary>Longest feedback text.</summary>
    public const int MaxFeedbackLength = 200;
    /// <summary>Longest remarks/notes text.</summary>
    public const int MaxRemarksLength = 2000;
    /// <summary>Longest call the agent may report, in seconds (a day).</summary>
    public const int MaxDurationSeconds = 86_400;

    private CallLog() { }

    private CallLog(CallProvider provider, int agentId, CallParty driver, DateTime nowUtc)
    {
        Id = NewId();
        Provider = provider;
        AgentId = agentId;
        DriverId = driver.DriverId;
        DriverName = driver.Name;
        DriverTmId = driver.TmId;
        DriverPhone = driver.Phone.E164;
        CreatedAt = UpdatedAt = nowUtc;
    }

    public string Id { get; private set; } = string.Empty;
    public int AgentId { get; private set; }
    public string DriverId { get; private set; } = string.Empty;
    public string DriverName { get; private set; } = string.Empty;
    public string? DriverTmId { get; private set; }
    /// <summary>The number dialled, E.164.</summary>
    public string DriverPhone { get; private set; } = string.Empty;
    public CallProvider Provider { get; private set; }
    public CallStatus Status { get; private set; }
    public DispatchState Dispatch { get; private set; }
    public LegState AgentLeg { get; private set; }
    public LegState DriverLeg { get; private set; }
    /// <summary>Set when no final webhook arrived in time.</summary>
    public bool IsStale { get; private set; }
    public MissedParty? MissedBy { get; private set; }

    public CallOutcome? Outcome { get; private set; }
    public string? Feedback { get; private set; }
    public string? Remarks { get; private set; }
    public string? Notes { get; private set; }
    /// <summary>Talk seconds reported by TeleCMI.</summary>
    public int? TalkSeconds { get; private set; }
    /// <summary>Duration the agent reported.</summary>
    public int? AgentDurationSeconds { get; private set; }
    public DateTime? FollowUpAt { get; private set; }

    public string? TeleCmiRequestId { get; private set; }
    public string? ConversationId { get; private set; }
    public string? AgentLegId { get; private set; }
    public string? DriverLegId { get; private set; }
    public string? HangupReason { get; private set; }
    public string? AgentHangupReason { get; private set; }
    public string? RecordingFileName { get; private set; }
    public string? FailureReason { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    /// <summary>When the recording's file name was cleared because it passed <c>Retention:RecordingDays</c>.</summary>
    public DateTime? RecordingRemovedAt { get; private set; }
    /// <summary>When the driver's phone and name on this call were masked (retention or erasure).</summary>
    public DateTime? PersonalDataRemovedAt { get; private set; }

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; private set; }

    /// <summary>The duration shown to people: TeleCMI's talk time when known, else the agent's.</summary>
    public int? DurationSeconds => TalkSeconds ?? AgentDurationSeconds;

    /// <summary>True once the status can no longer change by itself.</summary>
    public bool IsTerminal => Status is CallStatus.Completed or CallStatus.Missed or CallStatus.Failed or CallStatus.NotPlaced;

    /// <summary>True while the call may still be ringing or talking (<see cref="CallLiveness"/>).</summary>
    public bool IsLive => CallLiveness.Of(this);

    /// <summary>True once no further provider fact is expected (<see cref="CallFinality"/>): clients stop following the call here.</summary>
    public bool IsFinal => CallFinality.Of(this);

    /// <summary>Starts a TeleCMI call: stored as <see cref="CallStatus.Initiating"/> before TeleCMI is asked.</summary>
    public static CallLog StartTeleCmiCall(int agentId, CallParty driver, DateTime nowUtc)
    {
        var call = new CallLog(CallProvider.TeleCmi, agentId, driver, nowUtc) { Dispatch = DispatchState.Pending };
        call.Status = call.DeriveStatus();
        return call;
    }

    /// <summary>Logs a call the agent dialled by hand.</summary>
    public static CallLog LogManualCall(int agentId, CallParty driver, AgentReport report, DateTime nowUtc)
    {
        var call = new CallLog(CallProvider.Manual, agentId, driver, nowUtc) { Dispatch = DispatchState.NotApplicable };
        call.ApplyReport(report, nowUtc);
        call.Status = report.Outcome is CallOutcome.NotReachable or CallOutcome.Busy ? CallStatus.Missed : CallStatus.Completed;
        call.EndedAt = nowUtc;
        return call;
    }

    /// <summary>TeleCMI accepted the click-to-call request.</summary>
    public void MarkDispatched(string requestId, DateTime nowUtc)
    {
        RequireTeleCmi();
        if (Dispatch is not (DispatchState.Pending or DispatchState.Unconfirmed))
            throw new DomainException($"A call in dispatch state '{Dispatch}' cannot be marked as accepted by TeleCMI.");
        Dispatch = DispatchState.Accepted;
        TeleCmiRequestId ??= requestId;
        Touch(nowUtc);
    }

    /// <summary>TeleCMI refused the request (an error code): no call was placed, and the agent's attempt failed.</summary>
    public void MarkFailed(string reason, DateTime nowUtc)
    {
        RequireTeleCmi();
        if (Dispatch is not DispatchState.Pending)
            throw new DomainException($"A call in dispatch state '{Dispatch}' cannot be refused.");
        Dispatch = DispatchState.Refused;
        FailureReason = reason;
        Touch(nowUtc);
    }

    /// <summary>
    /// TeleCMI certainly did not take the request (never connected, 503/429 after the retries, circuit open): the attempt
    /// is kept as <see cref="CallStatus.NotPlaced"/>, which no report counts as a call or a failure.
    /// </summary>
    public void MarkNotPlaced(string reason, DateTime nowUtc)
    {
        RequireTeleCmi();
        if (Dispatch is not DispatchState.Pending)
            throw new DomainException($"A call in dispatch state '{Dispatch}' cannot become not placed.");
        Dispatch = DispatchState.NotPlaced;
        FailureReason = reason;
        Touch(nowUtc);
    }

    /// <summary>TeleCMI did not answer: the call may still have been placed; a later webhook moves it on.</summary>
    public void MarkUnconfirmed(string reason, DateTime nowUtc)
    {
        RequireTeleCmi();
        if (Dispatch is not DispatchState.Pending)
            throw new DomainException($"A call in dispatch state '{Dispatch}' cannot become unconfirmed.");
        Dispatch = DispatchState.Unconfirmed;
        FailureReason = reason;
        Touch(nowUtc);
    }

    /// <summary>No final webhook in time: shown as <see cref="CallStatus.Unknown"/> until a late CDR arrives.</summary>
    public bool MarkStale(string reason, DateTime nowUtc)
    {
        if (Provider != CallProvider.TeleCmi || IsTerminal || IsStale) return false;
        IsStale = true;
        FailureReason ??= reason;
        Touch(nowUtc);
        return true;
    }

    /// <summary>
    /// Reconciliation found no record of the call at TeleCMI long after it started, and no webhook ever told of either leg:
    /// no phone rang, so it is <see cref="CallStatus.NotPlaced"/> (final; no report counts it). Returns false, changing
    /// nothing, when the call is final already or a leg was seen (then a call did happen).
    /// </summary>
    public bool MarkNeverPlaced(string reason, DateTime nowUtc)
    {
        if (Provider != CallProvider.TeleCmi || IsFinal || AgentLeg != LegState.None || DriverLeg != LegState.None) return false;
        Dispatch = DispatchState.NotPlaced;
        FailureReason = reason;
        Touch(nowUtc);
        return true;
    }

    /// <summary>
    /// Applies one provider fact. Returns false when it taught us nothing new (a duplicate, or older news).
    /// Facts merge as maxima, so the order of application does not matter.
    /// </summary>
    public bool Apply(ProviderSignal signal, DateTime nowUtc)
    {
        RequireTeleCmi();
        var before = Snapshot();
        TeleCmiRequestId ??= signal.RequestId;
        ConversationId = Max(ConversationId, signal.ConversationId);
        var legState = LegStateFor(signal);
        if (signal.Leg == CallLeg.Agent)
        {
            AgentLegId = Max(AgentLegId, signal.LegId);
            AgentLeg = (LegState)Math.Max((int)AgentLeg, (int)legState);
            if (signal.Kind == SignalKind.Cdr) AgentHangupReason = Max(AgentHangupReason, signal.HangupReason);
        }
        else
        {
            DriverLegId = Max(DriverLegId, signal.LegId);
            DriverLeg = (LegState)Math.Max((int)DriverLeg, (int)legState);
            if (signal.Kind == SignalKind.Cdr)
            {
                HangupReason = Max(HangupReason, signal.HangupReason);
                if (legState == LegState.Ended && signal.TalkSeconds is { } talk)
                    TalkSeconds = Math.Max(TalkSeconds ?? 0, Math.Clamp(talk, 0, MaxDurationSeconds));
            }
            if (legState == LegState.Answered) AnsweredAt = Min(AnsweredAt, signal.At);
        }
        if (signal.Kind == SignalKind.Cdr)
        {
            RecordingFileName = Max(RecordingFileName, RecordingFileNameRule.IsValid(signal.RecordingFile) ? signal.RecordingFile : null);
            EndedAt = MaxTime(EndedAt, signal.At);
        }
        if (before == Snapshot()) return false;
        Touch(nowUtc);
        return true;
    }

    /// <summary>Records what the agent says happened. Never touches the provider's status.</summary>
    public void RecordFeedback(AgentReport report, DateTime nowUtc)
    {
        ApplyReport(report, nowUtc);
        Touch(nowUtc);
    }

    private void ApplyReport(AgentReport report, DateTime nowUtc)
    {
        if (report.Feedback is { Length: > MaxFeedbackLength }) throw new DomainException($"Feedback is at most {MaxFeedbackLength} characters.");
        if (report.Remarks is { Length: > MaxRemarksLength } || report.Notes is { Length: > MaxRemarksLength })
            throw new DomainException($"Remarks and notes are at most {MaxRemarksLength} characters.");
        if (report.DurationSeconds is < 0 or > MaxDurationSeconds) throw new DomainException("Duration is 0 to 86400 seconds.");
        FollowUpWindow.Check(report.FollowUpAt, nowUtc);
        Outcome = report.Outcome;
        Feedback = report.Feedback;
        Remarks = report.Remarks;
        Notes = report.Notes;
        if (report.DurationSeconds is not null) AgentDurationSeconds = report.DurationSeconds;
        FollowUpAt = report.FollowUpAt;
    }

    /// <summary>The name a call shows once the driver's personal data is removed.</summary>
    public const string RemovedName = "(removed)";

    /// <summary>
    /// Forgets the recording (past its retention): the file name is cleared and the time kept, so the recording is
    /// answered as gone rather than as never made. Idempotent. Does not touch the status, times or figures.
    /// </summary>
    public bool RemoveRecording(DateTime nowUtc)
    {
        if (RecordingRemovedAt is not null) return false;
        RecordingFileName = null;
        RecordingRemovedAt = nowUtc;
        UpdatedAt = nowUtc;
        Version++;
        return true;
    }

    /// <summary>
    /// Masks the driver's phone (<c>+91******3210</c>) and name on this call. Counts, durations, status and outcome stay,
    /// so every report figure stays the same. Idempotent.
    /// </summary>
    public bool RemovePersonalData(DateTime nowUtc)
    {
        if (PersonalDataRemovedAt is not null) return false;
        DriverPhone = PhoneNumber.Mask(DriverPhone);
        DriverName = RemovedName;
        DriverTmId = null;
        PersonalDataRemovedAt = nowUtc;
        UpdatedAt = nowUtc;
        Version++;
        return true;
    }

    private static LegState LegStateFor(ProviderSignal signal) => (signal.Kind, signal.Status) switch
    {
        (SignalKind.Cdr, "answered") => LegState.Ended,
        (SignalKind.Cdr, "missed") => LegState.Missed,
        (SignalKind.Cdr, _) => LegState.None,
        (SignalKind.Event, "started" or "ringing") => LegState.Started,
        (SignalKind.Event, "answered") => LegState.Answered,
        // A hangup event is not used: whether the leg was answered only the CDR says, and reading
        // it here would make the outcome depend on arrival order.
        _ => LegState.None,
    };

    private CallStatus DeriveStatus()
    {
        if (Provider == CallProvider.Manual) return Status;
        if (Dispatch == DispatchState.Refused) return CallStatus.Failed;
        // Like a refusal, final: TeleCMI said it took nothing, so a stray webhook cannot make it a call.
        if (Dispatch == DispatchState.NotPlaced) return CallStatus.NotPlaced;
        MissedBy = null;
        if (DriverLeg == LegState.Ended) return CallStatus.Completed;
        if (DriverLeg == LegState.Missed) return Missed(MissedParty.Driver);
        if (AgentLeg == LegState.Missed) return Missed(MissedParty.Agent);
        // The bridge ended after the driver answered: a conversation took place even if the driver's CDR is late.
        if (AgentLeg == LegState.Ended && DriverLeg == LegState.Answered) return CallStatus.Completed;
        if (AgentLeg == LegState.Ended && DriverLeg < LegState.Answered) return Missed(MissedParty.Driver);
        var live = DriverLeg == LegState.Answered ? CallStatus.Answered
            : AgentLeg >= LegState.Started || DriverLeg >= LegState.Started ? CallStatus.Ringing
            : Dispatch switch
            {
                DispatchState.Accepted => CallStatus.Initiated,
                DispatchState.Unconfirmed => CallStatus.Failed,
                _ => CallStatus.Initiating,
            };
        return IsStale ? CallStatus.Unknown : live;
    }

    private CallStatus Missed(MissedParty party)
    {
        MissedBy = party;
        return CallStatus.Missed;
    }

    private void Touch(DateTime nowUtc)
    {
        Status = DeriveStatus();
        UpdatedAt = nowUtc;
        Version++;
    }

    private void RequireTeleCmi()
    {
        if (Provider != CallProvider.TeleCmi) throw new DomainException("A manual call has no provider events.");
    }

    private (LegState, LegState, string?, string?, string?, string?, string?, string?, string?, int?, DateTime?, DateTime?) Snapshot() =>
        (AgentLeg, DriverLeg, TeleCmiRequestId, ConversationId, AgentLegId, DriverLegId, HangupReason, AgentHangupReason,
         RecordingFileName, TalkSeconds, AnsweredAt, EndedAt);

    private static string? Max(string? current, string? candidate) =>
        string.IsNullOrEmpty(candidate) ? current
        : current is null || string.CompareOrdinal(candidate, current) > 0 ? candidate : current;

    private static DateTime? Min(DateTime? current, DateTime candidate) => current is null || candidate < current ? candidate : current;
    private static DateTime? MaxTime(DateTime? current, DateTime candidate) => current is null || candidate > current ? candidate : current;

    private static string NewId() => "call_" + Guid.CreateVersion7().ToString("N");
}
