namespace TeleCmi.Domain.Common;

/// <summary>A business rule refused an operation. Mapped to 422 by the API.</summary>
/// <param name="message">What was refused and why, for the caller.</param>
/// <param name="field">The request field the refusal is about (camelCase, e.g. <c>phone</c>), when there is one.</param>
public class DomainException(string message, string? field = null) : Exception(message)
{
    /// <summary>The request field the refusal is about, or null; the API names it in the problem's <c>errors</c>.</summary>
    public string? Field { get; } = field;
}
