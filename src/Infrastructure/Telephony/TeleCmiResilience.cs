using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>
/// The resilience policy for TeleCMI (see docs/decisions/0003). A click-to-call POST is not idempotent,
/// so only failures that prove TeleCMI never accepted the call are retried: a connection that was never
/// established, or an explicit 429/503. A timeout after the request was sent is never retried.
/// </summary>
public static class TeleCmiResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TeleCmiOptions o)
    {
        pipeline
            .AddTimeout(TimeSpan.FromSeconds(o.TotalTimeoutSeconds))
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsSafeToRetry(args.Outcome)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(IsProviderFailure(args.Outcome)),
            })
            .AddTimeout(TimeSpan.FromSeconds(o.AttemptTimeoutSeconds));
    }

    /// <summary>Only when TeleCMI certainly did not accept the request.</summary>
    public static bool IsSafeToRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException ex ? IsConnectFailure(ex)
        : outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>What counts against the circuit breaker.</summary>
    public static bool IsProviderFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } r && ((int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests));

    private static bool IsConnectFailure(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        || ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostNotFound };
}
