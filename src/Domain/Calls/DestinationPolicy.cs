using TeleCmi.Domain.Common;

namespace TeleCmi.Domain.Calls;

/// <summary>
/// Which numbers the service may ask TeleCMI to dial: numbers of the allowed countries, of the allowed kinds of line.
/// The drivers are in India, so by default an Indian mobile or landline; anything else costs money or reaches
/// someone the business never means to call (a premium-rate line, a satellite phone, an emergency service).
/// </summary>
public sealed class DestinationPolicy
{
    /// <summary>Countries dialled when none are configured.</summary>
    public static readonly IReadOnlyList<string> DefaultCountries = ["IN"];

    /// <summary>Kinds of line dialled when none are configured.</summary>
    public static readonly IReadOnlyList<NumberKind> DefaultKinds = [NumberKind.Mobile, NumberKind.FixedLine, NumberKind.FixedLineOrMobile];

    /// <summary>Kinds no configuration can allow: TeleCMI must never be used to ring an emergency service.</summary>
    public static readonly IReadOnlyList<NumberKind> NeverDialable = [NumberKind.Emergency];

    private readonly HashSet<string> countries;
    private readonly HashSet<NumberKind> kinds;

    private DestinationPolicy(HashSet<string> countries, HashSet<NumberKind> kinds) => (this.countries, this.kinds) = (countries, kinds);

    /// <summary>The default policy: Indian mobiles and landlines.</summary>
    public static DestinationPolicy Default { get; } = Create(DefaultCountries, DefaultKinds);

    /// <summary>The allowed ISO 3166-1 region codes, upper case.</summary>
    public IReadOnlyCollection<string> Countries => countries;

    /// <summary>The allowed kinds of line.</summary>
    public IReadOnlyCollection<NumberKind> Kinds => kinds;

    /// <summary>Builds a policy; <see cref="ArgumentException"/> for no country, an unknown region code, or a kind in <see cref="NeverDialable"/>.</summary>
    public static DestinationPolicy Create(IEnumerable<string> allowedCountries, IEnumerable<NumberKind> allowedKinds)
    {
        var codes = allowedCountries.Select(c => c.Trim().ToUpperInvariant()).ToHashSet();
        if (codes.Count == 0) throw new ArgumentException("At least one country must be allowed.", nameof(allowedCountries));
        if (codes.FirstOrDefault(c => !PhoneNumber.IsKnownRegion(c)) is { } unknown)
            throw new ArgumentException($"'{unknown}' is not an ISO 3166-1 region code with a numbering plan (e.g. IN).", nameof(allowedCountries));
        var kindSet = allowedKinds.ToHashSet();
        if (kindSet.Count == 0) throw new ArgumentException("At least one kind of number must be allowed.", nameof(allowedKinds));
        foreach (var never in kindSet.Intersect(NeverDialable))
            throw new ArgumentException($"{never} numbers can never be dialled.", nameof(allowedKinds));
        return new DestinationPolicy(codes, kindSet);
    }

    /// <summary>Why <paramref name="number"/> may not be dialled, or null when it may.</summary>
    public string? RefusalOf(PhoneNumber number)
    {
        var kind = number.Kind;
        if (!kinds.Contains(kind)) return $"{Describe(kind)} cannot be dialled through TeleCMI.";
        var region = number.Region;
        if (countries.Contains(region)) return null;
        var allowed = string.Join(", ", countries.Order(StringComparer.Ordinal));
        return region == PhoneNumber.NonGeographicRegion
            ? $"{number} belongs to no country (an international network); only numbers in {allowed} can be dialled."
            : $"{number} is a number in {region}; only numbers in {allowed} can be dialled.";
    }

    /// <summary>How a refusal names a kind of line.</summary>
    public static string Describe(NumberKind kind) => kind switch
    {
        NumberKind.Mobile => "Mobile numbers",
        NumberKind.FixedLine => "Landline numbers",
        NumberKind.FixedLineOrMobile => "Numbers of this kind",
        NumberKind.TollFree => "Toll-free numbers",
        NumberKind.PremiumRate => "Premium-rate numbers",
        NumberKind.SharedCost => "Shared-cost numbers",
        NumberKind.Voip => "VoIP numbers",
        NumberKind.PersonalNumber => "Personal (forwarding) numbers",
        NumberKind.Pager => "Pager numbers",
        NumberKind.Uan => "Universal access numbers (UAN)",
        NumberKind.Voicemail => "Voicemail numbers",
        NumberKind.Satellite => "Satellite phone numbers",
        NumberKind.Emergency => "Emergency numbers",
        _ => "Numbers of an unknown kind",
    };
}
