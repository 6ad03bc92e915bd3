using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Common.Interfaces;

/// <summary>
/// Marks drivers do-not-call by phone number in bulk, set-wise: one statement adds the records of the drivers not yet
/// marked (<c>INSERT ... SELECT</c>), one marks them (<c>UPDATE ... WHERE phone IN</c>), whatever the number of drivers.
/// </summary>
public interface IDoNotCallBulkMarks
{
    /// <summary>Marks the unmarked drivers with one of <paramref name="phones"/> (E.164); the number of drivers marked.</summary>
    Task<int> MarkAsync(IReadOnlyList<string> phones, string reason, DoNotCallSource source, int? agentId, DateTime nowUtc, CancellationToken ct);
}
