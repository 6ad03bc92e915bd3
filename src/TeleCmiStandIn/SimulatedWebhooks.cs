using System.Globalization;
using System.Text.Json.Nodes;

namespace TeleCmi.StandIn;

/// <summary>
/// One webhook of a simulated call; <see cref="Immediate"/> ones are sent without waiting, <see cref="Held"/> ones after
/// the call has been held for <c>TeleCmi:Simulator:HeldCallSeconds</c> (unless it is hung up first).
/// </summary>
public sealed record SimulatedWebhook(JsonObject Body, bool Immediate = false, bool Held = false)
{
    /// <summary>True for a call detail record: the call's end.</summary>
    public bool IsCdr => (string?)Body["type"] == "cdr";
}

/// <summary>
/// Writes the webhooks TeleCMI would send for a call, in the order it would send them. Field types vary
/// from payload to payload as they do in the wild (TELECMI.md): numbers as strings, <c>app_id</c> vs
/// <c>appid</c>, <c>extra_params</c> as an object or as a string holding JSON, <c>true</c> vs <c>"true"</c>.
/// </summary>
public static class SimulatedWebhooks
{
    private const string VirtualNumber = "918069000000";

    // When things happen on TeleCMI's clock, in ms after the call was placed (posting is faster than real time).
    private const long AgentRings = 500, AgentAnswers = 4_000, DriverRings = 5_000, DriverAnswers = 11_000, RingOut = 35_000;

    /// <summary>The webhooks for <paramref name="call"/>, in sending order.</summary>
    public static IReadOnlyList<SimulatedWebhook> For(SimulatedCall call)
    {
        var hangUp = DriverAnswers + call.TalkSeconds * 1000L;
        var agentTalk = (int)((hangUp - AgentAnswers) / 1000);
        var shape = 0;
        JsonObject Event(string leg, string status, long at) => Payload(call, "event", leg, status, at, shape++);
        JsonObject Cdr(string leg, string status, long at, int answeredSec, string hangupReason, string? file = null)
        {
            var body = Payload(call, "cdr", leg, status, at, shape++);
            body["answeredsec"] = shape % 2 == 0 ? answeredSec : answeredSec.ToString(CultureInfo.InvariantCulture);
            body["hangup_reason"] = hangupReason;
            body["record"] = file is null ? (shape % 2 == 0 ? false : "false") : (shape % 2 == 0 ? true : "true");
            if (file is not null) body["filename"] = file;
            return body;
        }

        return call.Scenario switch
        {
            SimulatorScenario.AgentDoesNotAnswer =>
            [
                new(Event("a", "started", AgentRings)),
                new(Cdr("a", "missed", RingOut, 0, "recv_cancel")),
            ],
            SimulatorScenario.DriverDoesNotAnswer =>
            [
                new(Event("a", "started", AgentRings)),
                new(Event("a", "answered", AgentAnswers)),
                new(Event("b", "started", DriverRings)),
                new(Cdr("b", "missed", DriverRings + RingOut, 0, "recv_cancel")),
                new(Cdr("a", "answered", DriverRings + RingOut, (int)((DriverRings + RingOut - AgentAnswers) / 1000), "recv_bye")),
            ],
            SimulatorScenario.Disorderly =>
            [
                // The first one races the click2call answer to the service.
                new(Event("b", "started", DriverRings), Immediate: true),
                new(Event("a", "started", AgentRings)),
                new(Cdr("b", "answered", hangUp, call.TalkSeconds, "recv_bye", call.RecordingFile)),
                new(Event("a", "answered", AgentAnswers)),
                new(Event("a", "started", AgentRings)),
                new(Event("b", "answered", DriverAnswers)),
                new(Cdr("b", "answered", hangUp, call.TalkSeconds, "recv_bye", call.RecordingFile)),
                new(Cdr("a", "answered", hangUp, agentTalk, "sent_bye")),
                new(Event("a", "answered", AgentAnswers)),
                new(Cdr("a", "answered", hangUp, agentTalk, "sent_bye")),
            ],
            SimulatorScenario.TalksUntilHungUp =>
            [
                new(Event("a", "started", AgentRings)),
                new(Event("a", "answered", AgentAnswers)),
                new(Event("b", "started", DriverRings)),
                new(Event("b", "answered", DriverAnswers)),
                new(Cdr("a", "answered", hangUp, agentTalk, "sent_bye"), Held: true),
                new(Cdr("b", "answered", hangUp, call.TalkSeconds, "recv_bye", call.RecordingFile)),
            ],
            _ =>
            [
                new(Event("a", "started", AgentRings)),
                new(Event("a", "answered", AgentAnswers)),
                new(Event("b", "started", DriverRings)),
                new(Event("b", "answered", DriverAnswers)),
                new(Cdr("a", "answered", hangUp, agentTalk, "sent_bye")),
                new(Cdr("b", "answered", hangUp, call.TalkSeconds, "recv_bye", call.RecordingFile)),
            ],
        };
    }

    /// <summary>
    /// The CDRs TeleCMI sends when a call is hung up through its API after <paramref name="sent"/>: talking → both legs
    /// <c>answered</c> (the driver's with its talk time and the recording); the driver's phone ringing or not dialled yet →
    /// the driver leg <c>missed</c> (if it rang) and the agent leg <c>answered</c>; the agent's phone ringing → the agent
    /// leg <c>missed</c>. <paramref name="now"/> is when it happened (no earlier than a second after the last webhook).
    /// </summary>
    public static IReadOnlyList<SimulatedWebhook> AfterHangUp(SimulatedCall call, IReadOnlyList<JsonObject> sent, DateTimeOffset now)
    {
        bool Sent(string leg, string status) => sent.Any(b => (string?)b["type"] == "event" && (string?)b["leg"] == leg && (string?)b["status"] == status);
        var placed = call.PlacedAt.ToUnixTimeMilliseconds();
        var last = sent.Select(b => long.Parse(b["time"]!.ToString(), CultureInfo.InvariantCulture) - placed).DefaultIfEmpty(0).Max();
        var at = Math.Max(last + 1000, (long)(now - call.PlacedAt).TotalMilliseconds);
        var shape = sent.Count;
        JsonObject Cdr(string leg, string status, int answeredSec, string hangupReason, string? file = null)
        {
            var body = Payload(call, "cdr", leg, status, at, shape++);
            body["answeredsec"] = answeredSec;
            body["hangup_reason"] = hangupReason;
            body["record"] = file is not null;
            if (file is not null) body["filename"] = file;
            return body;
        }

        var agentTalk = (int)Math.Max(0, (at - AgentAnswers) / 1000);
        if (Sent("b", "answered"))
            return [new(Cdr("a", "answered", agentTalk, "sent_bye")),
                    new(Cdr("b", "answered", (int)Math.Max(1, (at - DriverAnswers) / 1000), "sent_bye", call.RecordingFile))];
        if (Sent("a", "answered"))
            return Sent("b", "started")
                ? [new(Cdr("b", "missed", 0, "sent_cancel")), new(Cdr("a", "answered", agentTalk, "sent_bye"))]
                : [new(Cdr("a", "answered", agentTalk, "sent_bye"))];
        return [new(Cdr("a", "missed", 0, "sent_cancel"))];
    }

    private static JsonObject Payload(SimulatedCall call, string type, string leg, string status, long atMs, int shape)
    {
        // Odd shapes carry numbers as strings; every third says "app_id" instead of "appid".
        var quoted = shape % 2 == 1;
        var time = call.PlacedAt.ToUnixTimeMilliseconds() + atMs;
        var extension = call.UserId.Split('_')[0];
        var body = new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["leg"] = leg,
            ["direction"] = "outbound",
            ["cmiuuid"] = leg == "a" ? call.AgentLegId : call.DriverLegId,
            ["conversation_uuid"] = call.ConversationId,
            ["request_id"] = call.RequestId,
            ["call_id"] = call.ProviderCallId,
            ["user"] = call.UserId,
            ["time"] = quoted ? time.ToString(CultureInfo.InvariantCulture) : time,
            ["to"] = Number(leg == "a" ? extension : call.ToDigits, quoted),
            ["from"] = Number(VirtualNumber, !quoted),
            ["virtual_number"] = VirtualNumber,
            ["click_to_call"] = quoted ? "true" : true,
            ["extra_params"] = shape % 2 == 0 ? call.ExtraParams.DeepClone() : call.ExtraParams.ToJsonString(),
        };
        body[shape % 3 == 2 ? "app_id" : "appid"] = Number(call.AppId, quoted);
        return body;
    }

    private static JsonNode Number(string digits, bool quoted) =>
        !quoted && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(digits);
}
