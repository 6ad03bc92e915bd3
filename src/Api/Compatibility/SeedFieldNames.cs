namespace TeleCmi.Api.Compatibility;

/// <summary>
/// The seed's name for each field the commands validate: an error about InitiateCall's <c>phone</c> reaches the app as
/// <c>driver_mobile</c>, the field it sent. The seed's actions share no field, so one table serves all four.
/// </summary>
public static class SeedFieldNames
{
    private static readonly Dictionary<string, string> SeedNameOf = new(StringComparer.Ordinal)
    {
        ["callerId"] = "caller_id",
        ["driverId"] = "driver_id",
        ["phone"] = "driver_mobile",
        ["callId"] = "reference_id",
        ["outcome"] = "status",
        ["durationSeconds"] = "call_duration",
    };

    /// <summary>The seed's name for <paramref name="key"/>, or the key itself.</summary>
    public static string Rename(string key) => SeedNameOf.GetValueOrDefault(key, key);

    /// <summary>A message naming the field the way FluentValidation quotes it (<c>'phone'</c>), renamed.</summary>
    public static string RenameIn(string message) =>
        SeedNameOf.Aggregate(message, (text, pair) => text.Replace($"'{pair.Key}'", $"'{pair.Value}'", StringComparison.Ordinal));
}
