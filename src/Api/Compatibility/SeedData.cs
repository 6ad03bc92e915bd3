using System.Globalization;
using TeleCmi.Application.Agents.Common;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Api.Compatibility;

/// <summary><c>click_to_call</c>'s <c>data</c>: the PHP service's fields, plus <c>reference_id</c>. All three ids are our call id.</summary>
public sealed record SeedCallStarted(
    string CallId, string RequestId, string ReferenceId, CallStatus Status, string DriverId, string DriverName, string DriverMobile,
    string Message)
{
    public static SeedCallStarted From(CallLogDto call) => new(call.Id, call.Id, call.Id, call.Status, call.DriverId, call.DriverName,
        call.DriverPhone, "Your phone will ring shortly. Answer to connect with the driver.");
}

/// <summary>
/// One call as the PHP service's <c>call_logs</c> rows showed it (<c>get_call_logs</c>, <c>update_feedback</c>), from our data.
/// <c>call_status</c> is the seed's word (<see cref="SeedStatusWords.CallStatusOf"/>); <c>telecmi_status</c> and
/// <c>outcome</c> are this service's own values. Times are UTC (ISO 8601).
/// </summary>
public sealed record SeedCallLogRow(
    string Id, string ReferenceId, object? CallerId, string TcFor, string UserId, string DriverName, string? DriverTmid,
    string CallStatus, CallStatus TelecmiStatus, CallOutcome? Outcome, MissedParty? MissedBy,
    string? Feedback, string? Remarks, string? Notes, int CallDuration, string? CallerNumber, string UserNumber,
    DateTime CallTime, DateTime CreatedAt, DateTime UpdatedAt, DateTime CallInitiatedAt, DateTime? CallStartTime,
    DateTime? CallCompletedAt, DateTime? CallEndTime, string? RecordingUrl, DateTime? FollowUpAt)
{
    /// <param name="call">The call.</param>
    /// <param name="me">The signed-in agent: <c>caller_id</c> and <c>caller_number</c> are filled for their own calls only.</param>
    public static SeedCallLogRow From(CallLogDto call, SignedInAgent me)
    {
        var mine = call.AgentId == me.AgentId;
        return new SeedCallLogRow(
            call.Id, call.Id, mine ? PlatformId(me.ExternalId) : null, call.Provider == CallProvider.TeleCmi ? "TeleCMI" : "Manual",
            call.DriverId, call.DriverName, call.DriverTmId, SeedStatusWords.CallStatusOf(call.Outcome, call.Status), call.Status,
            call.Outcome, call.MissedBy, call.Feedback, call.Remarks, call.Notes, call.DurationSeconds ?? 0, mine ? me.Phone : null,
            call.DriverPhone, call.CreatedAt, call.CreatedAt, call.UpdatedAt, call.CreatedAt, call.AnsweredAt, call.EndedAt, call.EndedAt,
            call.HasRecording ? $"/api/calls/{Uri.EscapeDataString(call.Id)}/recording" : null, call.FollowUpAt);
    }

    /// <summary>A number when the platform's id is one (the PHP service's <c>caller_id</c> was an integer), else the text.</summary>
    private static object? PlatformId(string? externalId) =>
        long.TryParse(externalId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : externalId;
}

/// <summary><c>get_call_logs</c>'s <c>data</c>.</summary>
public sealed record SeedCallLogs(IReadOnlyList<SeedCallLogRow> CallLogs, int? Total, int Limit, int Offset);

/// <summary><c>webhook</c>'s <c>data</c>: what became of the delivery (as <c>POST /api/webhooks/telecmi</c> answers).</summary>
public sealed record SeedWebhookReceipt(long DeliveryId, WebhookMatch Result, string? ReferenceId);
