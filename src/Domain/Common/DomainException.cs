namespace TeleCmi.Domain.Common;

/// <summary>A business rule refused an operation. Mapped to 422 by the API.</summary>
public class DomainException(string message) : Exception(message);
