using System.Globalization;
using System.Text.Json.Serialization;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>The JSON body of <c>POST /v2/webrtc/click2call</c>, named as TeleCMI names the fields.</summary>
internal sealed class TeleCmiClickToCallBody
{
    /// <summary>Key under which our call id rides in <c>extra_params</c> and comes back on every webhook.</summary>
    public const string CallIdKey = "call_id";

    [JsonPropertyName("user_id")] public required string UserId { get; init; }
    [JsonPropertyName("secret")] public required string Secret { get; init; }
    // TeleCMI documents "to" as a number: digits with country code, no plus.
    [JsonPropertyName("to")] public required long To { get; init; }
    [JsonPropertyName("extra_params")] public required Dictionary<string, string> ExtraParams { get; init; }
    [JsonPropertyName("webrtc")] public required bool WebRtc { get; init; }
    [JsonPropertyName("followme")] public required bool FollowMe { get; init; }

    public static TeleCmiClickToCallBody From(ClickToCallRequest request, TeleCmiOptions options) => new()
    {
        UserId = request.UserId,
        Secret = options.AppSecret ?? string.Empty,
        To = long.Parse(request.ToDigits, NumberStyles.None, CultureInfo.InvariantCulture),
        ExtraParams = new Dictionary<string, string> { [CallIdKey] = request.CallId },
        WebRtc = !options.RingAgentMobile,
        FollowMe = options.RingAgentMobile,
    };
}
