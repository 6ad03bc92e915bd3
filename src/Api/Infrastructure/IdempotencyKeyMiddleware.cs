using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Domain.Idempotency;
using TeleCmi.Infrastructure.Idempotency;

namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// The <c>Idempotency-Key</c> header (IETF draft-ietf-httpapi-idempotency-key-header, Stripe's semantics) on actions
/// marked <see cref="AcceptsIdempotencyKeyAttribute"/>: a retry with the same key, agent, endpoint and body gets the
/// first response again, with <c>Idempotent-Replayed: true</c>, and the handler does not run twice. The same key with
/// another body is 422; while the first request still runs, 409. Keys belong to the signed-in agent.
/// </summary>
/// <remarks>
/// Sits before the exception handler so that it sees the final problem-details response of a failed request.
/// </remarks>
public sealed class IdempotencyKeyMiddleware(RequestDelegate next, IdempotencyStore store, IProblemDetailsService problems,
    ILogger<IdempotencyKeyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<AcceptsIdempotencyKeyAttribute>() is null
            || !context.Request.Headers.TryGetValue(HeaderName, out var header))
        {
            await next(context);
            return;
        }

        var endpointName = $"{context.Request.Method} /{(endpoint as RouteEndpoint)?.RoutePattern.RawText?.TrimStart('/') ?? context.Request.Path.Value?.TrimStart('/')}";
        int? agentId;
        try
        {
            agentId = ReadAgentId(await context.AuthenticateAsync());
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            await HandleExceptionAsync(context, ex);
            return;
        }
        if (agentId is null)
        {
            await next(context); // the authorization that follows answers 401
            return;
        }

        string? key;
        try
        {
            key = ParseKey(header);
            if (key is null)
            {
                await WriteInvalidKeyAsync(context);
                return;
            }
            context.Request.EnableBuffering();
            var requestHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(context.Request.Body, context.RequestAborted));
            context.Request.Body.Position = 0;
            var claim = await store.ClaimAsync(agentId.Value, endpointName, key, requestHash, context.RequestAborted);
            if (claim is IdempotencyClaim.Taken taken)
            {
                await AnswerTakenAsync(context, taken.Record, requestHash);
                return;
            }
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            // Outside the exception handler here (a body over the size limit, the database down): same mapping as inside.
            await HandleExceptionAsync(context, ex);
            return;
        }

        await RunAndRecordAsync(context, agentId.Value, endpointName, key);
    }

    private async Task RunAndRecordAsync(HttpContext context, int agentId, string endpoint, string key)
    {
        var responseBody = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            // Never swallow the handler's exception: free the key, then let it through unchanged.
            context.Response.Body = responseBody;
            await ReleaseAsync(agentId, endpoint, key);
            throw;
        }
        context.Response.Body = responseBody;

        if (ShouldStore(context))
            await CompleteAsync(context, agentId, endpoint, key, captured.ToArray());
        else
            await ReleaseAsync(agentId, endpoint, key);

        captured.Position = 0;
        await captured.CopyToAsync(responseBody, context.RequestAborted);
    }

    /// <summary>Which responses a key keeps, and which give the key back.</summary>
    /// <remarks>
    /// A 2xx is stored: the request did what it was asked, and a retry must not do it again.
    /// A 502, 503 or 504 raised by InitiateCall after it stored the call log (TeleCMI refused, was unavailable, or did not
    /// answer in time) is stored too: a call log was recorded (failed, or not_placed) and TeleCMI may even have dialled, so a retry with
    /// the same key must see the same answer and not dial again; the client retries with a new key when it means to.
    /// Everything else (400, 401, 403, 404, 409, 413, 422, 429, an unexpected 500, the database unavailable) changed
    /// nothing, so the claim is deleted and the same key may be sent again once the cause is fixed.
    /// </remarks>
    private static bool ShouldStore(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (status is >= 200 and < 300) return true;
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        return status is 502 or 503 or 504
               && error is ProviderRefusedException { CallId: not null } or ProviderUnavailableException { CallId: not null };
    }

    private async Task AnswerTakenAsync(HttpContext context, IdempotencyRecord record, string requestHash)
    {
        if (!record.IsSameRequest(requestHash))
        {
            await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused.",
                "This Idempotency-Key was already used with a different request body. Use a new key for a new request.");
            return;
        }
        if (!record.IsCompleted)
        {
            context.Response.Headers.RetryAfter = "1";
            await WriteProblemAsync(context, StatusCodes.Status409Conflict, "Request in progress.",
                "A request with this Idempotency-Key is still being processed. Retry shortly to receive its response.");
            return;
        }
        context.Response.StatusCode = record.StatusCode!.Value;
        if (record.ContentType is not null) context.Response.ContentType = record.ContentType;
        if (record.Location is not null) context.Response.Headers.Location = record.Location;
        context.Response.Headers[ReplayedHeaderName] = "true";
        await context.Response.Body.WriteAsync(record.Body ?? [], context.RequestAborted);
    }

    private async Task CompleteAsync(HttpContext context, int agentId, string endpoint, string key, byte[] body)
    {
        try
        {
            await store.CompleteAsync(agentId, endpoint, key, context.Response.StatusCode, context.Response.ContentType,
                context.Response.Headers.Location.FirstOrDefault(), body);
        }
        catch (Exception ex)
        {
            // The request itself succeeded and its answer must still reach the client; the claim lapses after its timeout.
            logger.LogWarning("Could not store the idempotent response for agent {AgentId} on {Endpoint}: {Error}", agentId, endpoint, ex.GetType().Name);
        }
    }

    private async Task ReleaseAsync(int agentId, string endpoint, string key)
    {
        try
        {
            await store.ReleaseAsync(agentId, endpoint, key);
        }
        catch (Exception ex)
        {
            // Must not hide the request's own outcome; the claim lapses after its timeout.
            logger.LogWarning("Could not release the idempotency key of agent {AgentId} on {Endpoint}: {Error}", agentId, endpoint, ex.GetType().Name);
        }
    }

    /// <summary>1 to 255 printable ASCII characters; the draft's quoted form (<c>"abc"</c>) is accepted too.</summary>
    private static string? ParseKey(StringValues header)
    {
        if (header.Count != 1 || header[0] is not { } value) return null;
        value = value.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
        if (value.Length is 0 or > IdempotencyRecord.MaxKeyLength) return null;
        return value.All(c => c is >= ' ' and <= '~') ? value : null;
    }

    private static int? ReadAgentId(AuthenticateResult result)
    {
        var principal = result.Succeeded ? result.Principal : null;
        return int.TryParse(principal?.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id : null;
    }

    private Task WriteInvalidKeyAsync(HttpContext context)
    {
        // A plain ProblemDetails with an "errors" extension: MVC's problem writer, chosen here because the endpoint is an
        // action, would serialise a ValidationProblemDetails as its base type and drop "errors".
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = $"The {HeaderName} header is not valid.",
            Extensions =
            {
                ["errors"] = new Dictionary<string, string[]>
                {
                    [HeaderName] = [$"{HeaderName} must be 1 to {IdempotencyRecord.MaxKeyLength} printable ASCII characters, sent once."],
                },
            },
        };
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }

    private Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    private static async Task HandleExceptionAsync(HttpContext context, Exception exception)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested) return;
        foreach (var handler in context.RequestServices.GetServices<IExceptionHandler>())
            if (await handler.TryHandleAsync(context, exception, context.RequestAborted))
                return;
        ExceptionDispatchInfo.Throw(exception);
    }
}
