using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeleCmi.Api.Errors;

/// <summary>An enum's values as the JSON API writes them (<c>not_reachable</c>), for "one of: …" messages.</summary>
public static class EnumNames
{
    /// <summary>The JSON names of <paramref name="enumType"/>'s values, in declaration order.</summary>
    public static IEnumerable<string> Of(Type enumType) => Enum.GetValues(enumType).Cast<object>().Select(v =>
        enumType.GetField(v.ToString()!)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()!));

    /// <summary>"one of: a, b, c".</summary>
    public static string OneOf(Type enumType) => "one of: " + string.Join(", ", Of(enumType));
}
