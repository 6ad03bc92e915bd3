namespace TeleCmi.Api.OpenApi;

/// <summary>
/// Schema names a generated client can use as type names: the type's own name (<c>CallLogDto</c>), and for a page of
/// items the item's name with <c>Page</c> (<c>PagedResult&lt;DriverDto&gt;</c> is <c>DriverPage</c>). Swashbuckle's
/// default for a generic type is its assembly-qualified name, which breaks <c>$ref</c>s.
/// </summary>
public static class SchemaIds
{
    /// <summary>The schema id of <paramref name="type"/>.</summary>
    public static string For(Type type)
    {
        if (!type.IsGenericType) return type.Name;
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(Application.Common.Models.PagedResult<>)) return WithoutDto(For(arguments[0])) + "Page";
        var name = definition.Name[..definition.Name.IndexOf('`')];
        return name + "Of" + string.Concat(arguments.Select(For));
    }

    private static string WithoutDto(string name) => name.EndsWith("Dto", StringComparison.Ordinal) ? name[..^3] : name;
}
