namespace TeleCmi.Domain.Calls;

/// <summary>One fact TeleCMI reported about a call (a webhook, already parsed and matched).</summary>
/// <param name="Kind">Event or CDR.</param>
/// <param name="Leg">Which leg the fact is about.</param>
/// <param name="Status">TeleCMI's status word, lower-case (<c>started</c>, <c>answered</c>, <c>missed</c>, ...).</param>
/// <param name="At">When it happened, by TeleCMI's clock (UTC).</param>
/// <param name="TalkSeconds">CDR: answered seconds.</param>
/// <param name="HangupReason">CDR: why the leg ended.</param>
/// <param name="RecordingFile">CDR: recording file name.</param>
/// <param name="LegId">TeleCMI's <c>cmiuuid</c> for this leg.</param>
/// <param name="ConversationId">TeleCMI's <c>conversation_uuid</c>.</param>
/// <param name="RequestId">TeleCMI's click-to-call <c>request_id</c>.</param>
public sealed record ProviderSignal(
    SignalKind Kind,
    CallLeg Leg,
    string Status,
    DateTime At,
    int? TalkSeconds = null,
    string? HangupReason = null,
    string? RecordingFile = null,
    string? LegId = null,
    string? ConversationId = null,
    string? RequestId = null);
