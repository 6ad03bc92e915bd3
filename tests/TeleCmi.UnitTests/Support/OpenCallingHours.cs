using TeleCmi.Application.Compliance.Common;
using TeleCmi.Domain.Compliance;

namespace TeleCmi.UnitTests.Support;

/// <summary>Calling hours that never refuse (00:00-24:00 every day), for tests about something else.</summary>
public static class OpenCallingHours
{
    public static CallingHours Hours { get; } = new ComplianceOptions { CallingHours = "00:00-24:00" }.ToPolicy();

    public static CallingHoursGuard Guard(TimeProvider clock) => new(Hours, clock);
}
