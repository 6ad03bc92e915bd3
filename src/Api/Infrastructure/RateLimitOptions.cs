using System.ComponentModel.DataAnnotations;

namespace TeleCmi.Api.Infrastructure;

/// <summary>Request rate limits (configuration section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in attempts per client IP address per minute.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:SignInPerMinute (env RateLimits__SignInPerMinute) must be at least 1.")]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>TeleCMI calls (POST /api/calls) per agent per minute.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:TeleCmiCallsPerMinute (env RateLimits__TeleCmiCallsPerMinute) must be at least 1.")]
    public int TeleCmiCallsPerMinute { get; set; } = 10;

    /// <summary>Webhook deliveries per second, all senders together.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:WebhooksPerSecond (env RateLimits__WebhooksPerSecond) must be at least 1.")]
    public int WebhooksPerSecond { get; set; } = 200;
}
