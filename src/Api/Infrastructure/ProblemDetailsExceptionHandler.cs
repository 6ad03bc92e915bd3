using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Compliance;
using TeleCmi.Infrastructure.Persistence.Availability;

namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// The one place exceptions become HTTP answers: RFC 9457 problem details with the right status,
/// never a stack trace. Expected refusals are not logged as errors.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested) return true;
        var problem = Map(exception, http);
        if (problem.Status >= 500 && exception is not (ProviderRefusedException or ProviderUnavailableException))
        {
            // An outage is logged once by DatabaseAvailability, not once per request that ran into it.
            if (DatabaseFailure.IsUnavailability(exception))
                logger.LogDebug("Database unreachable: {Method} {Path} answered 503 ({Error})", http.Request.Method, http.Request.Path, exception.GetType().Name);
            else
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Map(Exception exception, HttpContext http)
    {
        switch (exception)
        {
            case ValidationException validation:
                var errors = validation.Errors
                    .GroupBy(e => CamelCase(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
                return new ValidationProblemDetails(errors)
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request is not valid.",
                    Detail = "See 'errors' for the fields to correct.",
                };
            case UnauthorizedException e:
                return Problem(401, "Not signed in.", e.Message);
            case ForbiddenException e:
                return Problem(403, "Not allowed.", e.Message);
            case NotFoundException e:
                return Problem(404, "Not found.", e.Message);
            case GoneException e:
                return Problem(410, "Gone.", e.Message);
            case ConflictException e:
                var conflict = Problem(409, "Conflict.", e.Message);
                if (e.ExistingId is not null) conflict.Extensions["existingId"] = e.ExistingId;
                if (e.RetryAfter is { } conflictRetry) RetryAfter(http, conflictRetry);
                return conflict;
            case DbUpdateConcurrencyException:
                return Problem(409, "Conflict.", "The record was changed by someone else at the same moment. Reload it and try again.");
            case UnprocessableException e:
                return Problem(422, "Cannot be processed.", e.Message);
            case OutsideCallingHoursException e:
                // A follow-up names its field as other refusals do; a dial has none. Both say when calls are allowed again.
                var outside = e.Field is { } hoursField
                    ? new ValidationProblemDetails(new Dictionary<string, string[]> { [hoursField] = [e.Message] })
                    : new ProblemDetails();
                outside.Status = StatusCodes.Status422UnprocessableEntity;
                outside.Title = "Outside calling hours.";
                outside.Detail = e.Message;
                outside.Extensions["nextAllowedAt"] = e.NextAllowedAt;
                return outside;
            case DomainException { Field: { } field } e:
                // Same shape as a 400's 'errors', so a client shows the refusal next to the field it is about.
                return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [e.Message] })
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "Cannot be processed.",
                    Detail = e.Message,
                };
            case DomainException e:
                return Problem(422, "Cannot be processed.", e.Message);
            case TooManyRequestsException e:
                RetryAfter(http, e.RetryAfter);
                return Problem(429, "Too many requests.", e.Message);
            case ProviderRefusedException e:
                return WithCall(Problem(502, "TeleCMI refused the request.", e.Message), e.CallId);
            case ProviderUnavailableException e:
                RetryAfter(http, e.RetryAfter);
                return WithCall(Problem(e.TimedOut ? 504 : 503, e.TimedOut ? "TeleCMI did not answer in time." : "TeleCMI is unavailable.", e.Message), e.CallId);
            case BadHttpRequestException e when e.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return Problem(413, "The request body is too large.", e.Message);
            case BadHttpRequestException e when e.StatusCode == StatusCodes.Status416RangeNotSatisfiable:
                return Problem(416, "Range not satisfiable.", e.Message);
            case BadHttpRequestException e when e.StatusCode == StatusCodes.Status414UriTooLong:
                return Problem(414, "The request target is too long.", e.Message);
            case BadHttpRequestException e when e.StatusCode == StatusCodes.Status431RequestHeaderFieldsTooLarge:
                return Problem(431, "The request headers are too large.", e.Message);
            case BadHttpRequestException e:
                return Problem(e.StatusCode, "Bad request.", "The request could not be read.");
            case JsonException:
                return Problem(400, "Bad request.", "The body is not valid JSON.");
            case TimeoutException or DbException or InvalidOperationException { InnerException: DbException or TimeoutException }
                or DbUpdateException { InnerException: DbException }:
                RetryAfter(http, TimeSpan.FromSeconds(5));
                return Problem(503, "The database is unavailable.", "The service cannot reach its database right now. Try again shortly.");
            default:
                return Problem(500, "An unexpected error occurred.", "The error has been logged. Quote the traceId when reporting it.");
        }
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithCall(ProblemDetails problem, string? callId)
    {
        if (callId is not null) problem.Extensions["callId"] = callId;
        return problem;
    }

    private static void RetryAfter(HttpContext http, TimeSpan delay) =>
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static string CamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
