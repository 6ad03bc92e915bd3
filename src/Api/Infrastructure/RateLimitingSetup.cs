using System.Globalization;
using System.IdentityModel.Tokens.Jwt;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// The rate-limit policies, applied per action with <see cref="EnableRateLimitingAttribute"/>.
/// A rejection is a 429 problem with <c>Retry-After</c>.
/// </summary>
public static class RateLimitingSetup
{
    /// <summary>Sign-in: fixed window per client IP address.</summary>
    public const string SignIn = "sign-in";

    /// <summary>TeleCMI calls: fixed window per agent (the token's <c>sub</c>).</summary>
    public const string TeleCmiCalls = "telecmi-calls";

    /// <summary>Webhooks: one token bucket for all senders, no queue.</summary>
    public const string Webhooks = "webhooks";

    public static IServiceCollection AddTeleCmiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = WriteProblemAsync;
        });
        // The policies from the validated options, not from raw configuration.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, options) =>
        {
            var limits = options.Value;
            // Behind a reverse proxy the remote address is the proxy's unless forwarded headers are configured.
            o.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(TeleCmiCalls, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.TeleCmiCallsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(Webhooks, _ => RateLimitPartition.GetTokenBucketLimiter("all", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.WebhooksPerSecond,
                TokensPerPeriod = limits.WebhooksPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));
        });
        return services;
    }

    private static async ValueTask WriteProblemAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var delay) ? delay : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Too many requests; try again in {seconds} seconds.",
            },
        });
    }
}
