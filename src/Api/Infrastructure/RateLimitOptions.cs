using System.ComponentModel.DataAnnotations;

namespace TeleCmi.Api.Infrastructure;

/// <summary>Request rate limits (configuration section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in attempts per client IP address per minute.</summary>
    [Range(1, int.MaxValue)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>TeleCMI calls (POST /api/calls) per agent per minute.</summary>
    [Range(1, int.MaxValue)]
    public int TeleCmiCallsPerMinute { get; set; } = 10;

    /// <summary>Webhook deliveries per second, all senders together.</summary>
    [Range(1, int.MaxValue)]
    public int WebhooksPerSecond { get; set; } = 200;
}
