using Mediator;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Compliance.Common;
using TeleCmi.Domain.Compliance;

namespace TeleCmi.Application.Compliance.GetPolicy;

/// <summary>A day of the week's calling hours.</summary>
/// <param name="Day">The English day name, e.g. <c>Monday</c>.</param>
/// <param name="Hours">Local window <c>HH:mm-HH:mm</c> (the end exclusive, <c>24:00</c> the end of the day), or null when closed.</param>
public sealed record CallingDayDto(string Day, string? Hours);

/// <summary>When TeleCMI calls may be placed, and whether now is such a time (the app greys out its call button otherwise).</summary>
/// <param name="TimeZone">IANA id of the zone the hours and holidays are in.</param>
/// <param name="CallingHours">Each day of the week's hours, Monday first.</param>
/// <param name="Holidays">Dates (in the time zone) without calls, in order.</param>
/// <param name="CallingAllowedNow">True when a TeleCMI call may be placed now.</param>
/// <param name="NextAllowedAt">The first moment calls are allowed: now when they are, with the zone's offset.</param>
/// <param name="Now">The service's time, with the zone's offset.</param>
public sealed record PolicyDto(
    string TimeZone, IReadOnlyList<CallingDayDto> CallingHours, IReadOnlyList<DateOnly> Holidays,
    bool CallingAllowedNow, DateTimeOffset NextAllowedAt, DateTimeOffset Now);

/// <summary>The calling policy in force.</summary>
[Authorize]
public sealed record GetPolicyQuery : IQuery<PolicyDto>;

public sealed class GetPolicyHandler(CallingHoursGuard guard) : IQueryHandler<GetPolicyQuery, PolicyDto>
{
    public ValueTask<PolicyDto> Handle(GetPolicyQuery query, CancellationToken cancellationToken)
    {
        var hours = guard.Hours;
        var now = guard.UtcNow;
        var next = hours.NextAllowedAt(now);
        return ValueTask.FromResult(new PolicyDto(
            hours.Zone.Id,
            hours.Week.Select(d => new CallingDayDto(d.Day.ToString(), d.Window.IsClosed ? null : d.Window.ToString())).ToList(),
            hours.Holidays, hours.Allows(now), next, new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)).ToOffset(hours.Zone.GetUtcOffset(now))));
    }
}
