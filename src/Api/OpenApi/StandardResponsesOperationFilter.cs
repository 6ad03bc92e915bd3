using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TeleCmi.Api.Infrastructure;

namespace TeleCmi.Api.OpenApi;

/// <summary>
/// Documents the answers that come from the pipeline rather than from the action, on every operation where they can
/// happen, so a client knows them all: 400 (a parameter or the body is not valid), 401 (no valid token), 413 and 415
/// (the body is too large or not JSON), 409 and 422 (the <c>Idempotency-Key</c> is in use or was used with another
/// body), 429 (rate limit) and 503 (the database is unreachable). An action's own description of the same status wins.
/// </summary>
public sealed class StandardResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var hasBody = operation.RequestBody is not null;
        var hasParameters = api.ParameterDescriptions.Any(p => p.Source == BindingSource.Query || p.Source == BindingSource.Path);
        if (hasBody || hasParameters)
            Add(operation, context, 400, "The request is not valid: `errors` names each field at fault by its JSON name.", validation: true);
        if (AuthorizedOperationFilter.RequiresToken(api)) Add(operation, context, 401, "No valid bearer token: sign in again.");
        if (hasBody)
        {
            Add(operation, context, 413, "The body is larger than the limit (`Limits:MaxRequestBodyBytes`, 64 KB by default).");
            Add(operation, context, 415, "The body is not in a supported media type (send `application/json`).");
        }
        if (context.MethodInfo.GetCustomAttribute<AcceptsIdempotencyKeyAttribute>() is not null)
        {
            Add(operation, context, 409, "A request with the same `Idempotency-Key` is still being processed; retry shortly.");
            Add(operation, context, 422, "The `Idempotency-Key` was already used with a different body.");
        }
        if (api.ActionDescriptor.EndpointMetadata.OfType<EnableRateLimitingAttribute>().Any())
            Add(operation, context, 429, "Too many requests; see `Retry-After`.");
        Add(operation, context, 503, "The database is unreachable; see `Retry-After`.");
    }

    private static void Add(OpenApiOperation operation, OperationFilterContext context, int status, string description, bool validation = false)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key)) return;
        var schema = context.SchemaGenerator.GenerateSchema(validation ? typeof(ValidationProblemDetails) : typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemMediaType.Name] = new() { Schema = schema } },
        };
    }
}
