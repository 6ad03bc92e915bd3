using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.Common;

/// <summary>What an agent's report changed on a call, for the audit trail (field names as the API writes them).</summary>
public static class CallAudit
{
    /// <summary>The agent's part of a call, before a change.</summary>
    public sealed record ReportState(CallOutcome? Outcome, string? Feedback, string? Remarks, string? Notes, int? DurationSeconds, DateTime? FollowUpAt)
    {
        public static ReportState Of(CallLog c) => new(c.Outcome, c.Feedback, c.Remarks, c.Notes, c.AgentDurationSeconds, c.FollowUpAt);
        public static ReportState Empty { get; } = new(null, null, null, null, null, null);
    }

    /// <summary>Records the fields of the agent's report that differ between <paramref name="before"/> and the call now.</summary>
    public static void RecordReport(this IAuditTrail audit, string action, ReportState before, CallLog call)
    {
        var after = ReportState.Of(call);
        var changes = new AuditChanges()
            .Field("outcome", before.Outcome, after.Outcome)
            .Field("feedback", before.Feedback, after.Feedback)
            .Field("remarks", before.Remarks, after.Remarks)
            .Field("notes", before.Notes, after.Notes)
            .Field("durationSeconds", before.DurationSeconds, after.DurationSeconds)
            .Field("followUpAt", before.FollowUpAt, after.FollowUpAt)
            .ToList();
        audit.Record(AuditEntities.Call, call.Id, action, changes);
    }
}
