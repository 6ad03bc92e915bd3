using System.Runtime.CompilerServices;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Common.Time;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.ExportCallLogs;

/// <summary>One exported call: the list's fields, the agent's name, and times in the business time zone (null when it cannot show them).</summary>
public sealed record CallLogExportRow(
    string Id, DateTimeOffset? CreatedAt, int AgentId, string AgentName, string DriverId, string DriverName, string? DriverTmId,
    string DriverPhone, CallProvider Provider, CallStatus Status, MissedParty? MissedBy, CallOutcome? Outcome, string? Feedback,
    string? Remarks, string? Notes, int? DurationSeconds, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, DateTimeOffset? FollowUpAt,
    string? HangupReason, string? FailureReason, bool HasRecording, string? TeleCmiRequestId);

/// <summary>The rows of an export, read from the database one by one as they are written out.</summary>
public sealed record CallLogExport(string FileName, IAsyncEnumerable<CallLogExportRow> Rows);

/// <summary>Exports the call list (same filters and visibility as the list), newest first.</summary>
[Authorize]
public sealed record ExportCallLogsQuery(CallLogFilter Filter) : IQuery<CallLogExport>;

public sealed class ExportCallLogsValidator : AbstractValidator<ExportCallLogsQuery>
{
    public ExportCallLogsValidator()
    {
        RuleFor(x => x.Filter.DriverId).MaximumLength(50).OverridePropertyName("driverId");
        RuleFor(x => x.Filter.To).GreaterThanOrEqualTo(x => x.Filter.From).When(x => x.Filter.From is not null && x.Filter.To is not null)
            .OverridePropertyName("to").WithMessage("'to' must not be before 'from'.");
    }
}

public sealed class ExportCallLogsHandler(IAppDbContext db, ICurrentUser user, BusinessCalendar calendar, ILogger<ExportCallLogsHandler> logger)
    : IQueryHandler<ExportCallLogsQuery, CallLogExport>
{
    public ValueTask<CallLogExport> Handle(ExportCallLogsQuery query, CancellationToken cancellationToken)
    {
        var rows =
            from c in db.CallLogs.AsNoTracking().Filter(query.Filter, user)
            join a in db.Agents.AsNoTracking() on c.AgentId equals a.Id
            orderby c.CreatedAt descending, c.Id descending
            select new CallWithAgent(c, a.DisplayName);
        var fileName = $"calls-{calendar.ToLocal(calendar.UtcNow):yyyyMMdd-HHmm}.csv";
        return ValueTask.FromResult(new CallLogExport(fileName, Stream(rows.AsAsyncEnumerable(), cancellationToken)));
    }

    private sealed record CallWithAgent(CallLog Call, string AgentName);

    /// <summary>
    /// The export is already being sent when a row is read, so a row's data must not end it: a time that cannot be
    /// shown in the business time zone is left empty, a row that cannot be mapped at all is left out, and either is
    /// logged with its call id (values stored before they were bounded, or written into the database by hand).
    /// </summary>
    private async IAsyncEnumerable<CallLogExportRow> Stream(IAsyncEnumerable<CallWithAgent> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            CallLogExportRow mapped;
            try
            {
                mapped = Map(row.Call, row.AgentName);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
            {
                logger.LogWarning(e, "Export: call {CallId} left out, its data cannot be written", row.Call.Id);
                continue;
            }
            yield return mapped;
        }
    }

    private CallLogExportRow Map(CallLog c, string agentName)
    {
        List<string>? unwritable = null;
        DateTimeOffset? Local(DateTime? utc, string column)
        {
            if (utc is not { } t) return null;
            if (calendar.TryToLocal(t, out var local)) return local;
            (unwritable ??= []).Add(column);
            return null;
        }
        var row = new CallLogExportRow(
            c.Id, Local(c.CreatedAt, "created_at"), c.AgentId, agentName, c.DriverId, c.DriverName, c.DriverTmId, c.DriverPhone, c.Provider,
            c.Status, c.MissedBy, c.Outcome, c.Feedback, c.Remarks, c.Notes, c.DurationSeconds, Local(c.AnsweredAt, "answered_at"),
            Local(c.EndedAt, "ended_at"), Local(c.FollowUpAt, "follow_up_at"), c.HangupReason ?? c.AgentHangupReason, c.FailureReason,
            c.RecordingFileName is not null, c.TeleCmiRequestId);
        if (unwritable is not null)
            logger.LogWarning("Export: call {CallId} written with {Columns} empty: the stored time is outside what {TimeZone} can show",
                c.Id, string.Join(", ", unwritable), calendar.ZoneId);
        return row;
    }
}
