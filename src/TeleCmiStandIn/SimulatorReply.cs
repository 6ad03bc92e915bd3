using System.Text.Json.Serialization;

namespace TeleCmi.StandIn;

/// <summary>TeleCMI's JSON answer, e.g. <c>{"code":200,"msg":"Call initiated","request_id":"..."}</c>.</summary>
/// <param name="Code">TeleCMI's result code (200 on success), which may differ from the HTTP status.</param>
/// <param name="Msg">TeleCMI's message.</param>
/// <param name="RequestId">The click-to-call's request id, on success only.</param>
public sealed record SimulatorReply(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("request_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId = null);
