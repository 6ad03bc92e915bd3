using System.Text.Json.Serialization;

namespace TeleCmi.Domain.Calls;

/// <summary>Telephony status, as reported by the provider. Never set by the agent.</summary>
public enum CallStatus
{
    /// <summary>Stored; TeleCMI not asked yet or not answered yet.</summary>
    Initiating = 0,
    /// <summary>TeleCMI accepted the click-to-call request.</summary>
    Initiated = 1,
    /// <summary>A phone is ringing (agent's, then driver's).</summary>
    Ringing = 2,
    /// <summary>The driver answered; agent and driver are talking.</summary>
    Answered = 3,
    /// <summary>The conversation took place and ended.</summary>
    Completed = 4,
    /// <summary>The agent or the driver did not answer (see <c>missedBy</c>).</summary>
    Missed = 5,
    /// <summary>
    /// TeleCMI refused the call (an error code: wrong number, bad user id), or did not say whether it placed it and no
    /// webhook told us since (see <c>failureReason</c>).
    /// </summary>
    Failed = 6,
    /// <summary>No final word from TeleCMI in time; a late CDR can still complete it.</summary>
    Unknown = 7,
    /// <summary>
    /// TeleCMI was certainly not reached or said it was unavailable (connection refused, 503/429 after the retries,
    /// circuit open): no call existed. Listed, but not a call in the reports' figures and not counted against the daily cap.
    /// </summary>
    NotPlaced = 8,
}

/// <summary>What the agent says happened. Separate from <see cref="CallStatus"/>.</summary>
public enum CallOutcome
{
    Connected = 0,
    NotReachable = 1,
    Busy = 2,
    WrongNumber = 3,
    CallBackLater = 4,
    Interested = 5,
    NotInterested = 6,
    Other = 7,
    /// <summary>The driver asked not to be called again: the driver is marked do-not-call (source <c>driver_request</c>).</summary>
    DoNotCall = 8,
}

/// <summary>How the call was placed.</summary>
public enum CallProvider
{
    /// <summary>Click-to-call through TeleCMI.</summary>
    [JsonStringEnumMemberName("telecmi")]
    TeleCmi = 0,
    /// <summary>Dialled by hand and logged by the agent.</summary>
    Manual = 1,
}

/// <summary>The two legs of a click-to-call: TeleCMI rings the agent first, then the driver.</summary>
public enum CallLeg
{
    Agent = 0,
    Driver = 1,
}

/// <summary>Who did not answer a missed call.</summary>
public enum MissedParty
{
    Agent = 0,
    Driver = 1,
}

/// <summary>
/// What is known of one leg. Facts only accumulate: a leg moves to a higher value, never lower, so
/// webhooks applied in any order end in the same state. A CDR is authoritative for its leg, which is
/// why <see cref="Missed"/> and <see cref="Ended"/> rank above what live events report.
/// </summary>
public enum LegState
{
    None = 0,
    Started = 1,
    Answered = 2,
    Missed = 3,
    Ended = 4,
}

/// <summary>What became of our click-to-call request to TeleCMI.</summary>
public enum DispatchState
{
    /// <summary>Not sent yet, or sent and not answered yet.</summary>
    Pending = 0,
    /// <summary>TeleCMI answered with a request id.</summary>
    Accepted = 1,
    /// <summary>TeleCMI refused (an error code); no call was placed.</summary>
    Refused = 2,
    /// <summary>No answer (timeout, connection lost): the call may still have been placed.</summary>
    Unconfirmed = 3,
    /// <summary>Not a TeleCMI call.</summary>
    NotApplicable = 4,
    /// <summary>The request certainly never reached TeleCMI, or TeleCMI answered that it is unavailable: no call was placed.</summary>
    NotPlaced = 5,
}

/// <summary>Kind of provider signal.</summary>
public enum SignalKind
{
    /// <summary>A live event (<c>type: event</c>).</summary>
    Event = 0,
    /// <summary>A call detail record (<c>type: cdr</c>).</summary>
    Cdr = 1,
}
