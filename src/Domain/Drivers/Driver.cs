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

    /// <summary>
    /// Marks the driver do-not-call: no TeleCMI call may reach them and they have no follow-ups due. A driver already
    /// marked keeps the first mark (its reason, source and time).
    /// </summary>
    /// <returns><c>true</c> when the driver was not marked before.</returns>
    public bool MarkDoNotCall(string reason, DoNotCallSource source, DateTime nowUtc)
    {
        if (DoNotCallSince is not null) return false;
        var text = reason.Trim();
        if (text.Length is 0 or > DoNotCallRecord.MaxReasonLength) throw new DomainException($"A do-not-call reason is 1 to {DoNotCallRecord.MaxReasonLength} characters.", "reason");
        DoNotCallSince = nowUtc;
        DoNotCallReason = text;
        DoNotCallSource = source;
        return true;
    }

    /// <summary>Lifts the do-not-call mark.</summary>
    /// <returns><c>true</c> when the driver was marked.</returns>
    public bool LiftDoNotCall()
    {
        if (DoNotCallSince is null) return false;
        DoNotCallSince = null;
        DoNotCallReason = null;
        DoNotCallSource = null;
        return true;
    }

    /// <summary>The refusal of a TeleCMI call to a do-not-call driver, naming the reason; null when the driver may be called.</summary>
    public static string? DialRefusal(DateTime? since, string? reason, DoNotCallSource? source) => since is null ? null
        : $"The driver is marked do-not-call ({DoNotCallSources.Name(source ?? Drivers.DoNotCallSource.Other)}: {reason}) since {since:yyyy-MM-dd'T'HH:mm:ss'Z'}. "
          + "A supervisor can lift the mark if the driver now agrees to be called.";

    public string Id { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    /// <summary>E.164 phone number.</summary>
    public string Phone { get; private set; } = string.Empty;
    public string? TmId { get; private set; }
    public DriverKind Kind { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>When the driver was marked do-not-call (UTC); null when they may be called.</summary>
    public DateTime? DoNotCallSince { get; private set; }
    /// <summary>Why the driver is not to be called; set with <see cref="DoNotCallSince"/>.</summary>
    public string? DoNotCallReason { get; private set; }
    /// <summary>Where the do-not-call request came from; set with <see cref="DoNotCallSince"/>.</summary>
    public DoNotCallSource? DoNotCallSource { get; private set; }
}
