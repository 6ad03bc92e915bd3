using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.FollowUps.Common;

/// <summary>
/// Pending follow-ups. A follow-up is the follow-up time of an agent's latest call to a driver: calling the driver
/// again supersedes it (record a new follow-up time in that call's feedback to keep one). A call that failed to
/// be placed (failed, or not placed because TeleCMI was down) supersedes nothing.
/// </summary>
public sealed class FollowUpQueries(IAppDbContext db)
{
    /// <remarks>A driver marked do-not-call has no follow-ups due.</remarks>
    public IQueryable<CallLog> Pending(int? agentId)
    {
        var calls = db.CallLogs.AsNoTracking().Where(c => c.FollowUpAt != null)
            .Where(c => !db.Drivers.Any(d => d.Id == c.DriverId && d.DoNotCallSince != null));
        if (agentId is not null) calls = calls.Where(c => c.AgentId == agentId);
        return calls.Where(c => !db.CallLogs.Any(later =>
            later.AgentId == c.AgentId && later.DriverId == c.DriverId && later.Status != CallStatus.Failed && later.Status != CallStatus.NotPlaced &&
            (later.CreatedAt > c.CreatedAt || (later.CreatedAt == c.CreatedAt && later.Id.CompareTo(c.Id) > 0))));
    }
}
