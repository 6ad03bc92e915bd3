using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.Common;

/// <summary>Which calls the signed-in agent may see: a telecaller only their own, others all.</summary>
public static class CallAccess
{
    public static IQueryable<CallLog> VisibleTo(this IQueryable<CallLog> calls, ICurrentUser user) =>
        user.Role is AgentRole.Supervisor or AgentRole.Admin ? calls : calls.Where(c => c.AgentId == user.AgentId);

    /// <summary>Loads a call the caller may see; another telecaller's call is reported as not found.</summary>
    public static async Task<CallLog> FindVisibleAsync(this IQueryable<CallLog> calls, ICurrentUser user, string id, CancellationToken ct) =>
        await calls.VisibleTo(user).FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException($"No call with id '{id}'.");
}
