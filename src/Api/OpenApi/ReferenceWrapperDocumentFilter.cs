using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TeleCmi.Api.OpenApi;

/// <summary>
/// Tidies the <c>allOf: [$ref]</c> wrappers that <c>UseAllOfToExtendReferenceSchemas</c> puts around references.
/// A nullable enum (<c>missedBy</c>, <c>outcome</c>, a report's <c>provider</c>) is written out in place:
/// <c>type: string, nullable: true, enum: [..., null]</c>, and a nullable object (a driver's <c>doNotCall</c>) with its
/// properties — OpenAPI 3.0 ignores <c>nullable</c> without a
/// <c>type</c>, and a validator rejects null against the referenced enum, so this is the one form that every linter
/// and validator reads as "one of these values, or null". A wrapper that adds nothing (a query parameter's enum)
/// becomes the plain <c>$ref</c>.
/// </summary>
public sealed class ReferenceWrapperDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var schema in components.Values.OfType<OpenApiSchema>())
            foreach (var property in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                if (property.Value is OpenApiSchema wrapper) AddType(wrapper, components);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                if (parameter.Schema is not OpenApiSchema wrapper || Referenced(wrapper) is not { } reference) continue;
                if (AddsNothing(wrapper)) parameter.Schema = reference;
                else AddType(wrapper, components);
            }
        // An enum written out everywhere it was used (MissedParty) is left unreferenced.
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in AllSchemas(document)) Collect(schema, referenced, depth: 0);
        foreach (var unused in components.Keys.Where(k => !referenced.Contains(k)).ToList()) components.Remove(unused);
    }

    private static IEnumerable<IOpenApiSchema> AllSchemas(OpenApiDocument document)
    {
        foreach (var schema in document.Components?.Schemas?.Values ?? []) yield return schema;
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var parameter in operation.Parameters ?? []) if (parameter.Schema is { } s) yield return s;
            foreach (var media in operation.RequestBody?.Content?.Values.AsEnumerable() ?? []) if (media.Schema is { } s) yield return s;
            foreach (var response in operation.Responses?.Values.AsEnumerable() ?? [])
                foreach (var media in response.Content?.Values.AsEnumerable() ?? []) if (media.Schema is { } s) yield return s;
        }
    }

    private static void Collect(IOpenApiSchema schema, HashSet<string> referenced, int depth)
    {
        if (schema is OpenApiSchemaReference { Reference.Id: { } id }) { referenced.Add(id); return; }
        if (depth > 16) return;
        var children = (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? [])
            .Append(schema.Items).Append(schema.AdditionalProperties);
        foreach (var child in children) if (child is not null) Collect(child, referenced, depth + 1);
    }

    private static OpenApiSchemaReference? Referenced(OpenApiSchema wrapper) =>
        wrapper.AllOf is [OpenApiSchemaReference reference] ? reference : null;

    private static void AddType(OpenApiSchema wrapper, IDictionary<string, IOpenApiSchema> components)
    {
        if (Referenced(wrapper) is not { } reference || wrapper.Type is not JsonSchemaType.Null) return;
        if (reference.Reference.Id is not { } id || !components.TryGetValue(id, out var target) || target.Type is not { } type) return;
        wrapper.Type = type | JsonSchemaType.Null;
        if (target.Enum is { Count: > 0 } values)
        {
            wrapper.AllOf = null;
            wrapper.Enum = [.. values, null!];
            wrapper.Description ??= target.Description;
        }
        else if (type.HasFlag(JsonSchemaType.Object) && target.Properties is { Count: > 0 } properties)
        {
            // A nullable object (a driver's doNotCall): its properties written out in place, for the same reason —
            // null passes `type: object, nullable: true` but never the referenced object's own `type: object`.
            wrapper.AllOf = null;
            wrapper.Properties = new Dictionary<string, IOpenApiSchema>(properties);
            wrapper.Required = target.Required is { } required ? new HashSet<string>(required) : null;
            wrapper.AdditionalPropertiesAllowed = target.AdditionalPropertiesAllowed;
            wrapper.Description ??= target.Description;
        }
    }

    private static bool AddsNothing(OpenApiSchema wrapper) =>
        wrapper.Type is null && wrapper.Description is null && wrapper.Default is null && wrapper.Example is null;
}
