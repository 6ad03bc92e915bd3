using TeleCmi.Domain.Common;

namespace TeleCmi.Domain.Drivers;

/// <summary>A truck driver or transporter, identified by the platform's own id.</summary>
public sealed class Driver
{
    /// <summary>Longest external id the platform uses.</summary>
    public const int MaxIdLength = 50;

    private Driver() { }

    public Driver(string id, string name, PhoneNumber phone, string? tmId, DriverKind kind, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength) throw new DomainException("A driver id is 1 to 50 characters.");
        Id = id;
        Name = name.Trim();
        Phone = phone.E164;
        TmId = string.IsNullOrWhiteSpace(tmId) ? null : tmId.Trim();
        Kind = kind;
        CreatedAt = UpdatedAt = nowUtc;
    }

    public string Id { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    /// <summary>E.164 phone number.</summary>
    public string Phone { get; private set; } = string.Empty;
    public string? TmId { get; private set; }
    public DriverKind Kind { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
}
