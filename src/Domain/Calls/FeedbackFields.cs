namespace TeleCmi.Domain.Calls;

/// <summary>
/// The fields of a call that the service records and the agent's feedback may not set: the provider's status, who called
/// whom, and the call's identity. Sent with a feedback they are refused rather than ignored, so a client that believes it
/// changed them learns it did not.
/// </summary>
public static class FeedbackFields
{
    /// <summary>The names (as sent in a request body, compared ignoring case).</summary>
    public static IReadOnlyList<string> RecordedByTheService { get; } =
        ["status", "provider", "agentId", "agent", "callerId", "driverId", "driver", "driverPhone", "id"];

    /// <summary>Whether <paramref name="field"/> is one the agent may not set.</summary>
    public static bool IsRecordedByTheService(string field) => RecordedByTheService.Contains(field, StringComparer.OrdinalIgnoreCase);
}
