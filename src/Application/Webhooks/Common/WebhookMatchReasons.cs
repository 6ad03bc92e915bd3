using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Webhooks.Common;

/// <summary>
/// Why a stored delivery did not change a call, in words an operator can act on (shown to admins in the delivery list). Names
/// the ids that were looked for, never a phone number.
/// </summary>
public static class WebhookMatchReasons
{
    /// <summary>A duplicate, or older news than the call already holds.</summary>
    public const string NothingNew = "Matched its call, which already knew everything it says (a duplicate, or older news).";

    /// <summary>No call carries any of the ids the delivery names.</summary>
    public static string NoCall(TeleCmiWebhook hook)
    {
        var tried = new List<string>();
        if (hook.EchoedCallId is { } callId) tried.Add($"call id '{callId}' (extra_params)");
        if (hook.RequestId is { } requestId) tried.Add($"request_id '{requestId}'");
        if (hook.LegId is { } legId) tried.Add($"cmiuuid '{legId}'");
        if (hook.ConversationId is { } conversationId) tried.Add($"conversation_uuid '{conversationId}'");
        return tried.Count == 0
            ? "Names no call: no call id in extra_params/custom, and no request_id, cmiuuid or conversation_uuid."
            : "No call has " + string.Join(", or ", tried) + ".";
    }

    /// <summary>Matched a call, but the delivery cannot be applied to it.</summary>
    public static string NotUsable(CallLog call, TeleCmiWebhook hook) => call.Provider != CallProvider.TeleCmi
        ? "Matched a call logged by hand, which takes no TeleCMI facts."
        : $"Type '{hook.Type ?? "(none)"}' is neither 'event' nor 'cdr'.";
}
