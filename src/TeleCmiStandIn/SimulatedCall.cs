using System.Text.Json.Nodes;

namespace TeleCmi.StandIn;

/// <summary>A call the stand-in has "placed", with the ids TeleCMI would give it.</summary>
/// <param name="Scenario">What happens on the call.</param>
/// <param name="RequestId">Returned by click2call and repeated on every webhook.</param>
/// <param name="ProviderCallId">TeleCMI's own <c>call_id</c>: a trap, since ours rides in <c>extra_params</c>.</param>
/// <param name="ConversationId">Shared by both legs.</param>
/// <param name="AgentLegId">The a-leg's <c>cmiuuid</c>.</param>
/// <param name="DriverLegId">The b-leg's <c>cmiuuid</c>.</param>
/// <param name="UserId">The TeleCMI user whose phone rang first.</param>
/// <param name="AppId">The app id, as TeleCMI puts it on webhooks.</param>
/// <param name="ToDigits">The driver's number, digits only.</param>
/// <param name="ExtraParams">Exactly what the gateway sent in <c>extra_params</c>.</param>
/// <param name="PlacedAt">When TeleCMI took the request (webhook times count from here).</param>
/// <param name="TalkSeconds">How long agent and driver talk, when they do.</param>
/// <param name="RecordingFile">The recording's file name, when one is made.</param>
public sealed record SimulatedCall(
    SimulatorScenario Scenario,
    string RequestId,
    string ProviderCallId,
    string ConversationId,
    string AgentLegId,
    string DriverLegId,
    string UserId,
    string AppId,
    string ToDigits,
    JsonObject ExtraParams,
    DateTimeOffset PlacedAt,
    int TalkSeconds,
    string? RecordingFile);
