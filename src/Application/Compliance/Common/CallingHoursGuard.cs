using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Compliance;

namespace TeleCmi.Application.Compliance.Common;

/// <summary>Applies the <see cref="CallingHours"/> at the app's clock: to a dial now, and to a follow-up time.</summary>
public sealed class CallingHoursGuard(CallingHours hours, TimeProvider clock)
{
    /// <summary>The hours in force.</summary>
    public CallingHours Hours => hours;

    /// <summary>Now, UTC.</summary>
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>Throws <see cref="OutsideCallingHoursException"/> when a TeleCMI call may not be placed now.</summary>
    public void EnsureCallingAllowedNow()
    {
        var now = UtcNow;
        if (!hours.Allows(now)) throw hours.Refusal(now, field: null, "TeleCMI calls cannot be placed");
    }

    /// <summary>Throws <see cref="OutsideCallingHoursException"/> naming <c>followUpAt</c> when a follow-up time falls outside the hours.</summary>
    public void EnsureFollowUpAllowed(DateTime? followUpUtc)
    {
        if (followUpUtc is not { } at) return;
        var utc = at.Kind == DateTimeKind.Utc ? at : at.ToUniversalTime();
        if (!hours.Allows(utc)) throw hours.Refusal(utc, FollowUpWindow.Field, "A follow-up cannot be set");
    }
}
