using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TeleCmi.Api.Errors;

/// <summary>
/// The 400 for input MVC could not bind, in the same shape as FluentValidation's: <c>errors</c> keyed by the field's
/// JSON name as the client sent it (<c>outcome</c>, <c>items[3].phone</c>; <c>body</c> for the body as a whole), never
/// by a JSON path (<c>$.outcome</c>) or a C# parameter (<c>r</c>), with a message saying what the field takes.
/// </summary>
public static class ValidationProblemResponse
{
    /// <summary>Used as <see cref="ApiBehaviorOptions.InvalidModelStateResponseFactory"/>.</summary>
    public static IActionResult Create(ActionContext context)
    {
        var body = context.ActionDescriptor.Parameters.FirstOrDefault(p => p.BindingInfo?.BindingSource == BindingSource.Body);
        var errors = new ModelStateDictionary();
        foreach (var (key, entry) in context.ModelState)
            foreach (var error in entry.Errors)
            {
                var (field, message) = Describe(key, error, body);
                if (errors[field]?.Errors.Any(e => e.ErrorMessage == message) != true) errors.AddModelError(field, message);
            }
        var factory = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = factory.CreateValidationProblemDetails(context.HttpContext, errors, StatusCodes.Status400BadRequest,
            "The request is not valid.", detail: "See 'errors' for the fields to correct.");
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    private static (string Field, string Message) Describe(string key, ModelError error, Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor? body)
    {
        var json = Find<JsonException>(error.Exception);
        if (json is not null || key.StartsWith('$'))
        {
            var place = JsonBodyPath.Parse(json?.Path ?? key, body?.ParameterType);
            var syntax = json?.InnerException?.GetType().Name == "JsonReaderException" || json?.Path is null;
            return (place.Key, syntax
                ? $"The body is not valid JSON{(json?.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "")}."
                : place.Key == JsonBodyPath.WholeBody && body is not null ? $"The body must be {JsonBodyPath.WholeBodyShape(body.ParameterType)}." : ExpectedValueMessage.For(place.ExpectedType));
        }
        if (body is not null && (key.Length == 0 || key == body.Name))
            return (JsonBodyPath.WholeBody, "A JSON body is required.");
        if (body is not null && key.StartsWith(body.Name + ".", StringComparison.Ordinal))
            return (JsonBodyPath.Parse("$" + key[body.Name.Length..], body.ParameterType).Key, error.ErrorMessage);
        return (JsonBodyPath.CamelCase(key), error.ErrorMessage.Length > 0 ? error.ErrorMessage : "The value is not valid.");
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException) if (e is T found) return found;
        return null;
    }
}
