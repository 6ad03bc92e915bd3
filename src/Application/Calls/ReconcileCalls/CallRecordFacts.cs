using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.ReconcileCalls;

/// <summary>
/// A call record as the provider facts its webhooks would have given, for <see cref="CallLog.Apply"/>: the aggregate that
/// merges webhooks merges these too, so a call ends the same whichever comes first and a late webhook changes nothing
/// the record already said.
/// </summary>
/// <remarks>
/// Answered: the driver answering (start + duration - billed seconds), both legs' CDRs <c>answered</c>, the driver's with the billed seconds and the recording, ending at start +
/// duration. Missed: the record does not say whose phone was not picked up; TeleCMI rings the agent first, and a telecaller
/// who starts a call answers it far more often than the driver, so it reads as the driver's leg <c>missed</c> after the
/// agent's leg (docs/RELIABILITY.md). Leg ids are not set: the record does not say which leg its <c>cmiuid</c> is.
/// </remarks>
public static class CallRecordFacts
{
    public static IReadOnlyList<ProviderSignal> For(CallRecord record)
    {
        var ended = record.StartedAt.AddSeconds(Math.Max(0, record.DurationSeconds));
        return record.Kind == CallRecordKind.Answered
            ?
            [
                new ProviderSignal(SignalKind.Event, CallLeg.Driver, "answered", ended.AddSeconds(-Math.Clamp(record.BilledSeconds, 0, Math.Max(0, record.DurationSeconds)))),
                new ProviderSignal(SignalKind.Cdr, CallLeg.Agent, "answered", ended),
                new ProviderSignal(SignalKind.Cdr, CallLeg.Driver, "answered", ended, TalkSeconds: Math.Max(0, record.BilledSeconds),
                    RecordingFile: record.RecordingFile),
            ]
            :
            [
                new ProviderSignal(SignalKind.Cdr, CallLeg.Agent, "answered", ended),
                new ProviderSignal(SignalKind.Cdr, CallLeg.Driver, "missed", ended),
            ];
    }
}
