using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.Common;

/// <summary>The filters of the call list, shared by the list and the CSV export so both always agree.</summary>
public sealed record CallLogFilter(
    int? AgentId = null, string? DriverId = null, CallProvider? Provider = null, CallStatus? Status = null,
    CallOutcome? Outcome = null, DateTime? From = null, DateTime? To = null);

/// <summary>Applies a <see cref="CallLogFilter"/> on top of what the signed-in agent may see.</summary>
public static class CallLogFilters
{
    public static IQueryable<CallLog> Filter(this IQueryable<CallLog> calls, CallLogFilter f, ICurrentUser user)
    {
        calls = calls.VisibleTo(user);
        if (f.AgentId is not null && user.Role is not AgentRole.Telecaller) calls = calls.Where(c => c.AgentId == f.AgentId);
        if (f.DriverId is not null) calls = calls.Where(c => c.DriverId == f.DriverId);
        if (f.Provider is not null) calls = calls.Where(c => c.Provider == f.Provider);
        if (f.Status is not null) calls = calls.Where(c => c.Status == f.Status);
        if (f.Outcome is not null) calls = calls.Where(c => c.Outcome == f.Outcome);
        if (f.From is not null) { var from = f.From.Value.ToUniversalTime(); calls = calls.Where(c => c.CreatedAt >= from); }
        if (f.To is not null) { var to = f.To.Value.ToUniversalTime(); calls = calls.Where(c => c.CreatedAt <= to); }
        return calls;
    }
}
