using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;

namespace TeleCmi.Application.Calls.Common;

/// <summary>Which numbers TeleCMI calls may go to (configuration section <c>Calls</c>, beside <see cref="CallPolicyOptions"/>).</summary>
/// <remarks>
/// Empty means the default: the configuration binder adds configured items to an initialised collection instead of
/// replacing it, so the defaults are applied after binding (<see cref="WithDefaults"/>), not as initial values.
/// </remarks>
public sealed class CallDestinationOptions
{
    public const string SectionName = "Calls";

    /// <summary>ISO 3166-1 region codes whose numbers may be dialled (<c>Calls:AllowedCountries</c>, default <c>IN</c>).</summary>
    public string[] AllowedCountries { get; set; } = [];

    /// <summary>Kinds of line that may be dialled (<c>Calls:AllowedNumberTypes</c>, default Mobile, FixedLine, FixedLineOrMobile).</summary>
    public NumberKind[] AllowedNumberTypes { get; set; } = [];

    /// <summary>Fills what was not configured with the defaults, and splits comma-separated codes (<c>IN,NP</c>).</summary>
    public void WithDefaults()
    {
        AllowedCountries = AllowedCountries.SelectMany(c => c.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
        if (AllowedCountries.Length == 0) AllowedCountries = [.. DestinationPolicy.DefaultCountries];
        if (AllowedNumberTypes.Length == 0) AllowedNumberTypes = [.. DestinationPolicy.DefaultKinds];
    }

    /// <summary>The policy these options describe; <see cref="ArgumentException"/> when they are invalid (start-up validation checks first).</summary>
    public DestinationPolicy ToPolicy() => DestinationPolicy.Create(AllowedCountries, AllowedNumberTypes);
}
