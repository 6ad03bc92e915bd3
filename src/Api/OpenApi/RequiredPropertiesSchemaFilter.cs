using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TeleCmi.Api.OpenApi;

/// <summary>
/// Lists <c>required</c> on every object schema, so generated clients do not make every field optional:
/// a response field is always present (the API writes nulls, it never leaves a field out), so all of a
/// response's fields are required; a request field is required when the body cannot do without it
/// (a non-nullable reference type, e.g. <c>driverId</c>, or a field marked <see cref="Contracts.RequiredInRequestAttribute"/>).
/// </summary>
public sealed class RequiredPropertiesSchemaFilter : ISchemaFilter
{
    private readonly NullabilityInfoContext nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete || context.Type.Namespace?.StartsWith("TeleCmi.", StringComparison.Ordinal) != true) return;
        var isRequest = context.Type.Namespace == typeof(Contracts.SignInRequest).Namespace;
        concrete.Required ??= new SortedSet<string>(StringComparer.Ordinal);
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = concrete.Properties.Keys.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            if (name is null) continue;
            if (!isRequest || IsNonNullableReference(property)) concrete.Required.Add(name);
            if (isRequest && property.GetCustomAttribute<Contracts.RequiredInRequestAttribute>() is not null)
            {
                concrete.Required.Add(name);
                // Must be sent with a value: not nullable in the document, whatever the .NET type.
                if (concrete.Properties[name] is OpenApiSchema field && field.Type is { } type)
                {
                    var withoutNull = type & ~JsonSchemaType.Null;
                    field.Type = withoutNull == 0 ? null : withoutNull;
                }
            }
        }
    }

    private bool IsNonNullableReference(PropertyInfo property) =>
        !property.PropertyType.IsValueType && nullability.Create(property).ReadState == NullabilityState.NotNull;
}
