using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;

namespace TeleCmi.Application.Calls.Common;

/// <summary>Which numbers TeleCMI calls may go to (configuration section <c>Calls</c>, beside <see cref="CallPolicyOptions"/>).</summary>
/// <remarks>
/// Empty means the default: the configuration binder adds configured items to an initialised collection instead of
/// replacing it, so the defaults are applied after binding (<see cref="WithDefaults"/>), not as initial values.
/// Items may also be given comma-separated in one value (<c>Calls__AllowedCountries=IN,NP</c>).
/// </remarks>
public sealed class CallDestinationOptions
{
    public const string SectionName = "Calls";

    /// <summary>ISO 3166-1 region codes whose numbers may be dialled (<c>Calls:AllowedCountries</c>, default <c>IN</c>).</summary>
    public string[] AllowedCountries { get; set; } = [];

    /// <summary>
    /// Kinds of line that may be dialled (<c>Calls:AllowedNumberTypes</c>, names of <see cref="NumberKind"/>; default
    /// Mobile, FixedLine, FixedLineOrMobile). Emergency can never be allowed.
    /// </summary>
    public string[] AllowedNumberTypes { get; set; } = [];

    /// <summary>Splits comma-separated items and fills what was not configured with the defaults.</summary>
    public void WithDefaults()
    {
        AllowedCountries = Split(AllowedCountries);
        if (AllowedCountries.Length == 0) AllowedCountries = [.. DestinationPolicy.DefaultCountries];
        AllowedNumberTypes = Split(AllowedNumberTypes);
        if (AllowedNumberTypes.Length == 0) AllowedNumberTypes = DestinationPolicy.DefaultKinds.Select(k => k.ToString()).ToArray();
    }

    /// <summary>The configured kinds, or null when one is not a <see cref="NumberKind"/> name.</summary>
    public IReadOnlyList<NumberKind>? Kinds()
    {
        var kinds = new List<NumberKind>();
        foreach (var name in AllowedNumberTypes)
        {
            if (!Enum.TryParse<NumberKind>(name, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || name.Any(char.IsAsciiDigit)) return null;
            kinds.Add(kind);
        }
        return kinds;
    }

    /// <summary>The policy these options describe; <see cref="ArgumentException"/> when they are invalid (start-up validation checks first).</summary>
    public DestinationPolicy ToPolicy() =>
        DestinationPolicy.Create(AllowedCountries, Kinds() ?? throw new ArgumentException("Calls:AllowedNumberTypes names an unknown kind."));

    private static string[] Split(IEnumerable<string> items) =>
        items.SelectMany(i => i.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
}
