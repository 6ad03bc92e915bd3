using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>
/// The resilience policy for TeleCMI (see docs/decisions/0003-telecmi-resilience-policy.md). A click-to-call
/// POST is not idempotent, so only failures that prove TeleCMI never took the request are retried: a
/// connection that was never established, or an explicit 429/503. A timeout after the request was sent
/// is never retried: TeleCMI may already be ringing the agent.
/// </summary>
public static class TeleCmiResilience
{
    /// <summary>Builds, outermost first: total timeout, retry, circuit breaker, per-attempt timeout.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TeleCmiOptions o)
    {
        pipeline
            .AddTimeout(TimeSpan.FromSeconds(o.TotalTimeoutSeconds))
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMs),
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsSafeToRetry(args.Outcome)),
            })
            // Inside the retry, so every attempt counts; an open circuit fails the call before any request is written.
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = o.CircuitBreakerFailureRatio,
                MinimumThroughput = o.CircuitBreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(o.CircuitBreakerSamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(o.CircuitBreakerBreakSeconds),
                ShouldHandle = args => ValueTask.FromResult(IsProviderFailure(args.Outcome)),
            })
            .AddTimeout(TimeSpan.FromSeconds(o.AttemptTimeoutSeconds));
    }

    /// <summary>Only when TeleCMI certainly did not take the request.</summary>
    public static bool IsSafeToRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException ex ? NeverConnected(ex)
        : outcome.Exception is null && outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>What counts against the circuit breaker: TeleCMI unreachable, slow, or failing on its side.</summary>
    public static bool IsProviderFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } r && ((int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests));

    /// <summary>
    /// True when the failure happened while opening the connection, before a byte of the request was written.
    /// SocketsHttpHandler reports failures after the request was sent as <c>Unknown</c> or <c>ResponseEnded</c>.
    /// </summary>
    public static bool NeverConnected(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError
        || ex.InnerException is SocketException
        {
            SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostNotFound,
        };
}
