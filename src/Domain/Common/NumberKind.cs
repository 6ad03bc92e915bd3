namespace TeleCmi.Domain.Common;

/// <summary>
/// What kind of line a phone number reaches, as libphonenumber's numbering plans say (its <c>PhoneNumberType</c>),
/// plus the two kinds it does not name: satellite networks and emergency services.
/// </summary>
public enum NumberKind
{
    /// <summary>A mobile phone.</summary>
    Mobile = 0,
    /// <summary>A landline.</summary>
    FixedLine = 1,
    /// <summary>The plan cannot tell mobile from landline (e.g. the USA).</summary>
    FixedLineOrMobile = 2,
    /// <summary>Free for the caller, paid by the receiver (1800 in India).</summary>
    TollFree = 3,
    /// <summary>Charged above normal rates (e.g. UK 09).</summary>
    PremiumRate = 4,
    /// <summary>Cost shared between caller and receiver (e.g. India 1860).</summary>
    SharedCost = 5,
    /// <summary>A voice-over-IP number.</summary>
    Voip = 6,
    /// <summary>A "follow me" number that forwards elsewhere (e.g. UK 070).</summary>
    PersonalNumber = 7,
    /// <summary>A pager.</summary>
    Pager = 8,
    /// <summary>A company's universal access number.</summary>
    Uan = 9,
    /// <summary>A voicemail access number.</summary>
    Voicemail = 10,
    /// <summary>A satellite phone (+870 Inmarsat, +881 GMSS, +882 international networks).</summary>
    Satellite = 11,
    /// <summary>An emergency service (112, 100, 101, 102, 108 in India).</summary>
    Emergency = 12,
    /// <summary>The plan does not say.</summary>
    Unknown = 13,
}
