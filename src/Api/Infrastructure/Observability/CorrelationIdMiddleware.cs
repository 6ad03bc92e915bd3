using System.Diagnostics;

namespace TeleCmi.Api.Infrastructure.Observability;

/// <summary>
/// Gives every request a correlation id (<see cref="CorrelationId"/>): it becomes <see cref="HttpContext.TraceIdentifier"/>
/// (hence the <c>traceId</c> of every problem), a <c>CorrelationId</c> logging scope around everything the request logs,
/// and the <see cref="CorrelationId.HeaderName"/> response header.
/// </summary>
/// <remarks>
/// First in the pipeline, so idempotent replays, 401s, 429s and problems written by the exception handler carry it too.
/// The header is added when the response starts because the exception handler clears the headers of a failed response.
/// </remarks>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var id = CorrelationId.Choose(context.Request.Headers[CorrelationId.HeaderName], Activity.Current);
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope("CorrelationId:{CorrelationId}", id))
            await next(context);
    }
}
