using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace TeleCmi.Api.Errors;

/// <summary>
/// A place in a JSON request body, from System.Text.Json's error path (<c>$.items[3].phone</c>, <c>$['outcome']</c>):
/// the error key a client expects (<c>items[3].phone</c>, camelCase, no <c>$</c>) and the .NET type that was expected
/// there, found by walking the body's type.
/// </summary>
public sealed partial record JsonBodyPath(string Key, Type? ExpectedType)
{
    /// <summary>The key for an error about the body as a whole (empty, not JSON, not an object).</summary>
    public const string WholeBody = "body";

    /// <summary>Reads <paramref name="path"/> against the body type <paramref name="bodyType"/>.</summary>
    public static JsonBodyPath Parse(string? path, Type? bodyType)
    {
        var key = new List<string>();
        var type = bodyType;
        foreach (Match segment in Segments().Matches(path ?? ""))
        {
            if (segment.Groups["index"].Success)
            {
                if (key.Count == 0 && (type is null || type == typeof(string) || ElementType(type) is null)) return new JsonBodyPath(WholeBody, type);
                // A body that is an array itself (an import) names its rows from the root: "[3].phone".
                if (key.Count == 0) key.Add("");
                key[^1] += $"[{segment.Groups["index"].Value}]";
                type = type is null ? null : ElementType(type);
                continue;
            }
            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            var property = type is null ? null : Property(type, name);
            key.Add(property is null ? CamelCase(name) : JsonName(property));
            type = property?.PropertyType;
        }
        return key.Count == 0 ? new JsonBodyPath(WholeBody, bodyType) : new JsonBodyPath(string.Join('.', key), type);
    }

    /// <summary>What the body as a whole must be, for a body of <paramref name="bodyType"/>: "a JSON array" or "a JSON object".</summary>
    public static string WholeBodyShape(Type? bodyType) =>
        bodyType is not null && bodyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(bodyType) ? "a JSON array" : "a JSON object";

    /// <summary>A field name as the JSON API writes it (<c>DisplayName</c> → <c>displayName</c>).</summary>
    public static string CamelCase(string name) => name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static PropertyInfo? Property(Type type, string jsonName) =>
        (Nullable.GetUnderlyingType(type) ?? type).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .FirstOrDefault(p => string.Equals(JsonName(p), jsonName, StringComparison.OrdinalIgnoreCase));

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? CamelCase(property.Name);

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
          ?? (typeof(IEnumerable).IsAssignableFrom(type) ? typeof(object) : null);

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|\\')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segments();
}
