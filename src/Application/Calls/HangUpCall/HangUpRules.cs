using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.HangUpCall;

/// <summary>Which calls TeleCMI can be asked to end, and by which id.</summary>
public static class HangUpRules
{
    /// <summary>
    /// The agent leg's <c>cmiuuid</c>, which TeleCMI's hang-up takes. 409 for a manual call, one that is not live
    /// (<see cref="CallLiveness"/>), and one whose agent leg TeleCMI has not reported yet (with a <c>Retry-After</c>).
    /// </summary>
    public static string AgentLegToEnd(CallLog call)
    {
        if (call.Provider != CallProvider.TeleCmi)
            throw new ConflictException("A manual call was not placed through TeleCMI and cannot be hung up here.");
        if (!call.IsLive)
            throw new ConflictException($"The call is not live (status {StatusName(call.Status)}): there is nothing to hang up.");
        return call.AgentLegId is { Length: > 0 } legId ? legId
            : throw new ConflictException("TeleCMI has not reported the agent's leg of this call yet, and its hang-up needs that leg's id. Try again in a moment.",
                retryAfter: HangUpCallHandler.LegIdRetryAfter);
    }

    /// <summary>The status as the API writes it (<c>not_placed</c>).</summary>
    public static string StatusName(CallStatus status) => status switch
    {
        CallStatus.NotPlaced => "not_placed",
        _ => status.ToString().ToLowerInvariant(),
    };
}
