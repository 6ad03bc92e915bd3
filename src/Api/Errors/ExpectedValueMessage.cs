using System.Collections;

namespace TeleCmi.Api.Errors;

/// <summary>What a field takes, said to a client whose value could not be read (never the parser's own words).</summary>
public static class ExpectedValueMessage
{
    /// <summary>"Must be one of: busy, interested, …", "Must be a whole number.", …</summary>
    public static string For(Type? type)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            null => "The value is not valid here.",
            { IsEnum: true } => $"Must be {EnumNames.OneOf(t)}.",
            _ when t == typeof(string) => "Must be a string.",
            _ when t == typeof(bool) => "Must be true or false.",
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) => "Must be a whole number.",
            _ when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => "Must be a number.",
            _ when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "Must be a date and time in ISO 8601 with an offset, e.g. 2030-01-15T14:00:00+05:30.",
            _ when t == typeof(DateOnly) => "Must be a date, yyyy-MM-dd.",
            _ when t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t) && !t.IsAssignableTo(typeof(IDictionary)) => "Must be an array.",
            _ => "Must be a JSON object.",
        };
    }
}
