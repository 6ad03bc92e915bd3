using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace TeleCmi.Api.Compatibility;

/// <summary>
/// The seed's path, before anything else answers on it. Off (<see cref="CompatibilityOptions.SeedRoutesEnabled"/>): a
/// 404 problem, as for any unknown route. On: every problem-details answer, whoever wrote it (the exception handler, the
/// authentication challenge, the rate limiter, the Idempotency-Key check, a replay), becomes the seed's
/// <c>{"success": false, "error": …}</c> with the same status code, its <c>errors</c> keyed by the seed's field names.
/// </summary>
/// <remarks>Outside the Idempotency-Key middleware, so a stored answer is replayed in the same envelope.</remarks>
public sealed class SeedRoutesMiddleware(RequestDelegate next, IOptions<CompatibilityOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!SeedRoute.Matches(context.Request.Path))
        {
            await next(context);
            return;
        }
        if (!options.Value.SeedRoutesEnabled)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = new ProblemDetails { Status = 404 } });
            return;
        }

        var responseBody = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = responseBody;
        }

        if (IsProblem(context.Response.ContentType) && JsonNode.Parse(captured.ToArray()) is JsonObject problem)
        {
            var envelope = JsonSerializer.SerializeToUtf8Bytes(Envelope(context, problem), SeedJson.Options);
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = envelope.Length;
            await responseBody.WriteAsync(envelope, context.RequestAborted);
            return;
        }
        captured.Position = 0;
        await captured.CopyToAsync(responseBody, context.RequestAborted);
    }

    private static bool IsProblem(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase);

    private static JsonObject Envelope(HttpContext context, JsonObject problem)
    {
        var envelope = new JsonObject { ["success"] = false, ["error"] = ErrorText(context, problem) };
        if (problem["errors"] is JsonObject errors)
        {
            var renamed = errors.ToDictionary(e => SeedFieldNames.Rename(e.Key),
                e => (e.Value as JsonArray ?? []).Select(m => SeedFieldNames.RenameIn(m?.GetValue<string>() ?? string.Empty)).ToArray());
            // The app shows "error": the fields' own messages say more than "see errors".
            envelope["error"] = string.Join(" ", renamed.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
            envelope["errors"] = JsonSerializer.SerializeToNode(renamed);
        }
        // The call a refusal is about (a 502/503/504 after the call was stored, or the live call a 409 names).
        if ((problem["callId"] ?? problem["existingId"]) is JsonValue callId) envelope["reference_id"] = callId.DeepClone();
        if (problem["traceId"] is JsonValue traceId) envelope["trace_id"] = traceId.DeepClone();
        return envelope;
    }

    private static string ErrorText(HttpContext context, JsonObject problem)
    {
        var status = context.Response.StatusCode;
        // No action of this path took the request: an unknown action, or one sent with the wrong method.
        if (status is 404 or 405 && context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is null)
        {
            var action = context.Request.Query[SeedActionAttribute.QueryName].ToString();
            return $"Invalid action '{(action.Length > 40 ? action[..40] + "…" : action)}' for {context.Request.Method}. Use POST with " +
                   $"?action={SeedRoute.ClickToCall}, {SeedRoute.UpdateFeedback} or {SeedRoute.Webhook}, or GET with ?action={SeedRoute.GetCallLogs}.";
        }
        // The authentication challenge says only "Unauthorized": say what to send.
        if (status == 401 && problem["detail"] is null)
            return "Sign in first: send the header Authorization: Bearer <accessToken> from POST /api/auth/token.";
        var detail = problem["detail"]?.GetValue<string>();
        var text = detail ?? problem["title"]?.GetValue<string>() ?? ReasonPhrases.GetReasonPhrase(status);
        return SeedFieldNames.RenameIn(text);
    }
}
