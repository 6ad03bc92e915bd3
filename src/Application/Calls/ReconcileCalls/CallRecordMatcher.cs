using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;

namespace TeleCmi.Application.Calls.ReconcileCalls;

/// <summary>
/// Which of TeleCMI's records is a call of ours. The records carry no request id, so: a record whose <c>cmiuid</c> is a
/// leg id a webhook already gave the call; else the record of the same TeleCMI user, to the same number (both as E.164),
/// started within the window around our call's start, the nearest first. A record already claimed by another call is
/// never taken twice.
/// </summary>
public static class CallRecordMatcher
{
    /// <param name="agentUserId">The call's agent as a TeleCMI user id, <c>&lt;ext&gt;_&lt;appid&gt;</c>.</param>
    /// <param name="claimed">Record ids already matched to other calls (in this run).</param>
    public static CallRecord? Match(CallLog call, string? agentUserId, IEnumerable<CallRecord> records, TimeSpan window,
        IReadOnlySet<string>? claimed = null)
    {
        var open = records.Where(r => r.RecordId is null || claimed is null || !claimed.Contains(r.RecordId)).ToList();
        var byLeg = open.FirstOrDefault(r => r.RecordId is { Length: > 0 } id && (id == call.AgentLegId || id == call.DriverLegId));
        if (byLeg is not null) return byLeg;
        if (string.IsNullOrEmpty(agentUserId)) return null;
        return open
            .Where(r => string.Equals(r.AgentUserId?.Trim(), agentUserId, StringComparison.OrdinalIgnoreCase)
                        && SameNumber(r.ToDigits, call.DriverPhone)
                        && (r.StartedAt - call.CreatedAt).Duration() <= window)
            .OrderBy(r => (r.StartedAt - call.CreatedAt).Duration())
            .ThenBy(r => r.Kind) // answered before missed: a redial that rang out must not hide the answered call
            .FirstOrDefault();
    }

    /// <summary>True when TeleCMI's <paramref name="dialled"/> (digits with country code, with or without +) is <paramref name="e164"/>.</summary>
    public static bool SameNumber(string? dialled, string e164)
    {
        if (string.IsNullOrWhiteSpace(dialled)) return false;
        var digits = dialled.Trim();
        if (!digits.StartsWith('+')) digits = "+" + digits;
        return PhoneNumber.TryParse(digits, out var number) && number!.E164 == e164;
    }
}
