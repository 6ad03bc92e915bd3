using TeleCmi.Domain.Common;

namespace TeleCmi.Domain.Compliance;

/// <summary>A call, or a follow-up, falls outside the calling hours (422 with <c>nextAllowedAt</c>).</summary>
/// <param name="message">What was refused and when calls are allowed again.</param>
/// <param name="nextAllowedAt">The first allowed instant, in the calling hours' time zone.</param>
/// <param name="field">The request field the refusal is about (<c>followUpAt</c>), or null for a dial.</param>
public sealed class OutsideCallingHoursException(string message, DateTimeOffset nextAllowedAt, string? field = null) : DomainException(message, field)
{
    /// <summary>The first allowed instant, in the calling hours' time zone.</summary>
    public DateTimeOffset NextAllowedAt { get; } = nextAllowedAt;
}
