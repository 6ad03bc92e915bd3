using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.Application.Common.Behaviours;

/// <summary>Logs each request's name, agent, duration and result class. Never logs the payload.</summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogInformation("{Request} by agent {AgentId} succeeded in {ElapsedMs:F1} ms", name, user.AgentId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            // Expected refusals are information, not errors; the exception handler decides the HTTP status.
            logger.LogInformation("{Request} by agent {AgentId} ended with {Result} in {ElapsedMs:F1} ms", name, user.AgentId, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
