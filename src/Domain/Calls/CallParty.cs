using TeleCmi.Domain.Common;

namespace TeleCmi.Domain.Calls;

/// <summary>The driver as the call log remembers them at the time of the call.</summary>
public sealed record CallParty(string DriverId, string Name, string? TmId, PhoneNumber Phone);
