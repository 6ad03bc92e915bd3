namespace TeleCmi.Application.Common.Interfaces;

/// <summary>
/// TeleCMI's app-wide call records (<c>POST /v2/out_answered</c> and <c>/v2/out_missed</c>), read by reconciliation.
/// Implemented by the HTTP gateway behind the same resilience pipeline as the other TeleCMI requests.
/// </summary>
public interface ITeleCmiCallRecords
{
    /// <summary>One page (1-based) of the <paramref name="kind"/> records of calls started in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>].</summary>
    /// <param name="limit">Records per page: 1 to <see cref="MaxPageSize"/>.</param>
    Task<CallRecordsPage> ListAsync(CallRecordKind kind, DateTime fromUtc, DateTime toUtc, int page, int limit, CancellationToken cancellationToken);

    /// <summary>TeleCMI's largest page of app-wide records.</summary>
    public const int MaxPageSize = 20;
}

/// <summary>Which of TeleCMI's record lists: answered or missed outgoing calls.</summary>
public enum CallRecordKind
{
    Answered,
    Missed,
}

/// <summary>
/// One of TeleCMI's call records. It carries no <c>request_id</c> and no <c>extra_params</c>: it is matched to a call of
/// ours by agent, dialled number and time (or by a <c>cmiuid</c> seen before on a webhook).
/// </summary>
/// <param name="Kind">From the answered or the missed list.</param>
/// <param name="RecordId">TeleCMI's <c>cmiuid</c>.</param>
/// <param name="AgentUserId">The TeleCMI user (<c>&lt;ext&gt;_&lt;appid&gt;</c>) whose phone rang first.</param>
/// <param name="ToDigits">The number dialled, as TeleCMI wrote it (digits, perhaps without a plus).</param>
/// <param name="StartedAt">TeleCMI's <c>time</c>: when the call started (UTC).</param>
/// <param name="DurationSeconds">The whole call, ringing included.</param>
/// <param name="BilledSeconds">Talk time.</param>
/// <param name="RecordingFile">The recording's file name, when one was made.</param>
public sealed record CallRecord(
    CallRecordKind Kind,
    string? RecordId,
    string? AgentUserId,
    string? ToDigits,
    DateTime StartedAt,
    int DurationSeconds,
    int BilledSeconds,
    string? RecordingFile);

/// <summary>A page of call records, or why there is none.</summary>
public abstract record CallRecordsPage
{
    /// <summary>TeleCMI answered: <paramref name="Total"/> records in the range, <paramref name="Records"/> on this page.</summary>
    public sealed record Found(int Total, IReadOnlyList<CallRecord> Records) : CallRecordsPage;

    /// <summary>
    /// TeleCMI refused, failed, was unreachable or rate-limited us (<paramref name="RateLimited"/>): try again after
    /// <paramref name="RetryAfter"/>. Nothing may be concluded from a failed page.
    /// </summary>
    public sealed record Failed(string Reason, TimeSpan RetryAfter, bool RateLimited = false) : CallRecordsPage;
}
