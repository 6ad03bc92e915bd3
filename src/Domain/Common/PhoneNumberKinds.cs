using PhoneNumbers;

namespace TeleCmi.Domain.Common;

/// <summary>Where a number rings and what kind of line it is, read from libphonenumber's numbering plans.</summary>
public sealed partial record PhoneNumber
{
    /// <summary>libphonenumber's region for numbers of no country (+800, +870, +881, +882, ...).</summary>
    public const string NonGeographicRegion = "001";

    /// <summary>Country calling codes of satellite networks, which libphonenumber files as non-geographic mobile/VoIP.</summary>
    private static readonly HashSet<int> SatelliteCallingCodes = [870, 881, 882];

    /// <summary>libphonenumber's code for "no region": what a stored number that no longer parses belongs to.</summary>
    public const string UnknownRegion = "ZZ";

    /// <summary>The ISO 3166-1 region the number belongs to (<c>IN</c>, <c>GB</c>), <see cref="NonGeographicRegion"/> or <see cref="UnknownRegion"/>.</summary>
    public string Region => Parsed() is { } parsed ? Util.GetRegionCodeForNumber(parsed) ?? UnknownRegion : UnknownRegion;

    /// <summary>What kind of line the number reaches (<see cref="NumberKind.Unknown"/> for a stored number that no longer parses).</summary>
    public NumberKind Kind
    {
        get
        {
            if (Parsed() is not { } parsed) return NumberKind.Unknown;
            if (Util.GetRegionCodeForNumber(parsed) == NonGeographicRegion && SatelliteCallingCodes.Contains(parsed.CountryCode))
                return NumberKind.Satellite;
            return Util.GetNumberType(parsed) switch
            {
                PhoneNumberType.MOBILE => NumberKind.Mobile,
                PhoneNumberType.FIXED_LINE => NumberKind.FixedLine,
                PhoneNumberType.FIXED_LINE_OR_MOBILE => NumberKind.FixedLineOrMobile,
                PhoneNumberType.TOLL_FREE => NumberKind.TollFree,
                PhoneNumberType.PREMIUM_RATE => NumberKind.PremiumRate,
                PhoneNumberType.SHARED_COST => NumberKind.SharedCost,
                PhoneNumberType.VOIP => NumberKind.Voip,
                PhoneNumberType.PERSONAL_NUMBER => NumberKind.PersonalNumber,
                PhoneNumberType.PAGER => NumberKind.Pager,
                PhoneNumberType.UAN => NumberKind.Uan,
                PhoneNumberType.VOICEMAIL => NumberKind.Voicemail,
                _ => NumberKind.Unknown,
            };
        }
    }

    // A number rebuilt from storage (FromStored) is not re-validated; one written there by hand may not parse.
    private PhoneNumbers.PhoneNumber? Parsed()
    {
        try
        {
            return Util.Parse(E164, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="code"/> is an ISO 3166-1 region code libphonenumber has a numbering plan for (<c>IN</c>, <c>GB</c>).</summary>
    public static bool IsKnownRegion(string? code) => code is { Length: 2 } && Util.GetSupportedRegions().Contains(code);

    /// <summary>
    /// True when <paramref name="raw"/> is an emergency service number (<c>112</c>, <c>100</c>, or <c>+1 911</c> written
    /// with its country code). Such short numbers are not valid subscriber numbers, so <see cref="TryParse"/> refuses
    /// them; this tells "an emergency number" apart from "not a phone number".
    /// </summary>
    public static bool IsEmergency(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 32) return false;
        try
        {
            var parsed = Util.Parse(raw.Trim(), DefaultRegion);
            var region = Util.GetRegionCodeForCountryCode(parsed.CountryCode);
            return ShortNumberInfo.GetInstance().IsEmergencyNumber(Util.GetNationalSignificantNumber(parsed), region);
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
