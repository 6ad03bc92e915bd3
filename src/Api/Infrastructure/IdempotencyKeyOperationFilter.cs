using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TeleCmi.Api.Infrastructure;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on actions marked <see cref="AcceptsIdempotencyKeyAttribute"/>.</summary>
public sealed class IdempotencyKeyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo.GetCustomAttribute<AcceptsIdempotencyKeyAttribute>() is null) return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyMiddleware.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "A unique value (e.g. a UUID) per intended request, 1–255 printable ASCII characters. A retry with the same key " +
                          "and body within 24 hours gets the first response again (header Idempotent-Replayed: true) without repeating it; " +
                          "the same key with another body is 422; while the first request still runs, 409.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
        });
    }
}
