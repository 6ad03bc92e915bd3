using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.Common;

/// <summary>A call log as the app shows it. Times are UTC.</summary>
/// <param name="Final">
/// True when no further provider fact is expected (both legs' CDRs are in, or the call was refused or never placed, or it was
/// logged by hand): stop following the call here, not at a status. A <c>completed</c> call still waiting for the driver
/// leg's CDR (talk time, recording) is not final yet.
/// </param>
public sealed record CallLogDto(
    string Id,
    int AgentId,
    string DriverId,
    string DriverName,
    string? DriverTmId,
    string DriverPhone,
    CallProvider Provider,
    CallStatus Status,
    bool Final,
    MissedParty? MissedBy,
    CallOutcome? Outcome,
    string? Feedback,
    string? Remarks,
    string? Notes,
    int? DurationSeconds,
    DateTime? FollowUpAt,
    string? TeleCmiRequestId,
    string? ConversationId,
    string? AgentLegId,
    string? DriverLegId,
    string? HangupReason,
    string? RecordingFileName,
    bool HasRecording,
    string? FailureReason,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? AnsweredAt,
    DateTime? EndedAt)
{
    public static CallLogDto From(CallLog c) => new(
        c.Id, c.AgentId, c.DriverId, c.DriverName, c.DriverTmId, c.DriverPhone, c.Provider, c.Status, c.IsFinal, c.MissedBy,
        c.Outcome, c.Feedback, c.Remarks, c.Notes, c.DurationSeconds, c.FollowUpAt, c.TeleCmiRequestId, c.ConversationId,
        c.AgentLegId, c.DriverLegId, c.HangupReason ?? c.AgentHangupReason, c.RecordingFileName, c.RecordingFileName is not null,
        c.FailureReason, c.CreatedAt, c.UpdatedAt, c.AnsweredAt, c.EndedAt);
}
