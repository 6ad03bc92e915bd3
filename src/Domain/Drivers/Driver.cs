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

    /// <summary>
    /// Takes the platform's current record of the driver. Only a real change moves <see cref="UpdatedAt"/>, so sending
    /// the same record again changes nothing.
    /// </summary>
    /// <returns><c>true</c> when something changed.</returns>
    public bool Update(string name, PhoneNumber phone, string? tmId, DriverKind kind, DateTime nowUtc)
    {
        var newName = name.Trim();
        var newTmId = string.IsNullOrWhiteSpace(tmId) ? null : tmId.Trim();
        if (newName == Name && phone.E164 == Phone && newTmId == TmId && kind == Kind) return false;
        Name = newName;
        Phone = phone.E164;
        TmId = newTmId;
        Kind = kind;
        ErasedAt = null;
        UpdatedAt = nowUtc;
        return true;
    }

    /// <summary>
    /// Erases the driver's personal data (an erasure request): the row stays as a tombstone so the driver's calls still
    /// reference it and still count, but its phone is masked, its name and TeleCMI id removed. Idempotent.
    /// </summary>
    public bool Erase(DateTime nowUtc)
    {
        if (ErasedAt is not null) return false;
        Name = RemovedName;
        Phone = PhoneNumber.Mask(Phone);
        TmId = null;
        ErasedAt = UpdatedAt = nowUtc;
        return true;
    }

    /// <summary>The name an erased driver shows.</summary>
    public const string RemovedName = "(removed)";

    /// <summary>When the driver's personal data was erased; null while it is kept.</summary>
    public DateTime? ErasedAt { get; private set; }

    public string Id { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    /// <summary>E.164 phone number.</summary>
    public string Phone { get; private set; } = string.Empty;
    public string? TmId { get; private set; }
    public DriverKind Kind { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
}
