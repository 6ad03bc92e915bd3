using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TeleCmi.Api.OpenApi;

/// <summary>
/// Says what the server really sends: every error as <c>application/problem+json</c> with the ProblemDetails (or, for
/// 400, ValidationProblemDetails) schema; JSON as <c>application/json</c> only; files (CSV, audio) as strings.
/// Runs after the other operation filters.
/// </summary>
public sealed class MediaTypesOperationFilter : IOperationFilter
{
    private const string Json = "application/json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody is OpenApiRequestBody { Content: { } bodyContent } body && bodyContent.TryGetValue(Json, out var media))
        {
            foreach (var other in bodyContent.Keys.Where(k => k != Json && k.Contains("json", StringComparison.Ordinal)).ToList()) bodyContent.Remove(other);
            // The body's own $ref, with its example on the media type, rather than an allOf wrapper repeating both.
            if (media.Schema is OpenApiSchema { AllOf: [OpenApiSchemaReference reference] } wrapper)
            {
                media.Example ??= wrapper.Example;
                body.Description ??= wrapper.Description;
                media.Schema = reference;
            }
            body.Required = true;
        }
        var produces = context.MethodInfo.GetCustomAttribute<ProducesAttribute>()?.ContentTypes
            .Where(t => t != ProblemMediaType.Name).ToList() ?? [];
        SortByStatus(operation);
        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete) continue;
            var status = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
            if (status >= 400) concrete.Content = ProblemContent(concrete, status, context);
            else if (status != 204) concrete.Content = SuccessContent(concrete, produces);
        }
    }

    /// <summary>Responses in status order (attributes, doc comments and the pipeline add them in any order).</summary>
    private static void SortByStatus(OpenApiOperation operation)
    {
        if (operation.Responses is not { Count: > 1 } responses) return;
        var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (code, response) in sorted) responses[code] = response;
    }

    private static Dictionary<string, OpenApiMediaType> ProblemContent(OpenApiResponse response, int status, OperationFilterContext context)
    {
        var schema = response.Content?.Values.Select(m => m.Schema).FirstOrDefault(s => s is not null)
                     ?? context.SchemaGenerator.GenerateSchema(status == 400 ? typeof(ValidationProblemDetails) : typeof(ProblemDetails), context.SchemaRepository);
        return new() { [ProblemMediaType.Name] = new OpenApiMediaType { Schema = schema } };
    }

    private static Dictionary<string, OpenApiMediaType>? SuccessContent(OpenApiResponse response, List<string> produces)
    {
        if (produces.Count > 0 && produces.All(t => !t.Contains("json", StringComparison.Ordinal)))
        {
            // A file: CSV text or audio bytes.
            return produces.ToDictionary(t => t, t => new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = t.StartsWith("text/", StringComparison.Ordinal) ? null : "binary" },
            });
        }
        if (response.Content is null || !response.Content.TryGetValue(Json, out var json)) return response.Content is null ? null : new(response.Content);
        return new() { [Json] = json };
    }
}
