using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.Common;

/// <summary>
/// Changes one call log under optimistic concurrency: on a conflict (a webhook and a feedback update
/// at the same moment) it reloads the row and applies the change again, so neither change is lost.
/// </summary>
public static class CallLogSaver
{
    private const int MaxAttempts = 8;

    public static async Task<CallLog> ChangeAsync(this IAppDbContext db, CallLog call, Action<CallLog> change, CancellationToken ct)
    {
        change(call);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return call;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                db.ClearTracked();
                call = await db.CallLogs.FirstAsync(c => c.Id == call.Id, ct);
                change(call);
            }
        }
    }
}
