namespace TeleCmi.Domain.Calls;

/// <summary>What the agent records about a call.</summary>
public sealed record AgentReport(
    CallOutcome Outcome,
    string? Feedback = null,
    string? Remarks = null,
    string? Notes = null,
    int? DurationSeconds = null,
    DateTime? FollowUpAt = null);
