using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace TeleCmi.Api.Compatibility;

/// <summary>
/// Reads the seed's JSON bodies as leniently as PHP's <c>json_decode</c> did: a number where a string is meant
/// (<c>"caller_id": 3</c>, <c>"driver_mobile": 919876543210</c>) is its digits, a whole number may come as a string
/// (<c>"call_duration": "120"</c>). Anything else of the wrong kind is a 400 naming the seed's field.
/// </summary>
public readonly struct SeedBody
{
    private readonly JsonElement body;

    private SeedBody(JsonElement body) => this.body = body;

    public static SeedBody From(JsonElement body) => body.ValueKind == JsonValueKind.Object
        ? new SeedBody(body)
        : throw Invalid("body", "A JSON object is required.");

    /// <summary>A string or a number, as text; null when left out or null.</summary>
    public string? Text(string name)
    {
        if (!body.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw Invalid(name, $"'{name}' must be a string or a number."),
        };
    }

    /// <summary>A whole number, or a string holding one; null when left out or null.</summary>
    public int? WholeNumber(string name)
    {
        if (!body.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
            return number;
        throw Invalid(name, $"'{name}' must be a whole number.");
    }

    private static ValidationException Invalid(string name, string message) => new([new ValidationFailure(name, message)]);
}
