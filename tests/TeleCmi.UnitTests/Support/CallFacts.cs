using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;

namespace TeleCmi.UnitTests.Support;

/// <summary>Fixed inputs for building calls and the provider facts TeleCMI reports about them.</summary>
public static class CallFacts
{
    public static readonly DateTime T0 = new(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc);
    public const int AgentId = 7;
    public const string RequestId = "req-1";
    public const string ConversationId = "conv-1";
    public const string AgentLegId = "a-leg-1";
    public const string DriverLegId = "b-leg-1";
    public const string Recording = "1736935200_5003.mp3";

    public static CallParty Driver => new("DRV-1", "Ramesh Kumar", "TM-9", PhoneNumber.Parse("9876543210"));

    public static CallLog NewCall() => CallLog.StartTeleCmiCall(AgentId, Driver, T0);

    public static CallLog DispatchedCall()
    {
        var call = NewCall();
        call.MarkDispatched(RequestId, T0.AddSeconds(1));
        return call;
    }

    public static ProviderSignal Event(CallLeg leg, string status, int atSecond) =>
        new(SignalKind.Event, leg, status, T0.AddSeconds(atSecond),
            LegId: LegIdOf(leg), ConversationId: ConversationId, RequestId: RequestId);

    public static ProviderSignal Cdr(CallLeg leg, string status, int atSecond, int? talkSeconds = null,
        string? hangupReason = null, string? recording = null) =>
        new(SignalKind.Cdr, leg, status, T0.AddSeconds(atSecond), talkSeconds, hangupReason, recording,
            LegId: LegIdOf(leg), ConversationId: ConversationId, RequestId: RequestId);

    private static string LegIdOf(CallLeg leg) => leg == CallLeg.Agent ? AgentLegId : DriverLegId;
}
