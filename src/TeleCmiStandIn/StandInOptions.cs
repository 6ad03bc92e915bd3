using System.ComponentModel.DataAnnotations;

namespace TeleCmi.StandIn;

/// <summary>How the stand-in behaves (configuration section <c>TeleCmi:Simulator</c>, the same keys the API hands it).</summary>
public sealed class StandInOptions
{
    public const string SectionName = "TeleCmi:Simulator";

    /// <summary>Milliseconds between two webhooks of one simulated call (tests use ~50).</summary>
    [Range(0, 60_000)]
    public int EventSpacingMs { get; set; } = 1500;

    /// <summary>Milliseconds the stand-in takes to answer every click2call, like a real provider's round trip (the benchmark uses 50).</summary>
    [Range(0, 10_000)]
    public int ClickToCallLatencyMs { get; set; }

    /// <summary>
    /// The service the stand-in posts its webhooks to (its base URL; <c>api/webhooks/telecmi</c> is appended). Required
    /// when the stand-in runs alone; inside the API (Development) empty means that API's own listening address.
    /// </summary>
    public string? WebhookBaseUrl { get; set; }

    /// <summary>Empty, or an absolute http(s) URL (checked at startup; <c>[Url]</c> would refuse an empty value).</summary>
    public bool HasValidWebhookBaseUrl() =>
        string.IsNullOrEmpty(WebhookBaseUrl)
        || (Uri.TryCreate(WebhookBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https");

    /// <summary>
    /// At most this many webhook posts in flight at once; the others wait their turn inside the stand-in, as a provider's
    /// webhook workers would make them. 0: no limit (every call's webhooks are posted on time).
    /// </summary>
    [Range(0, 10_000)]
    public int MaxConcurrentWebhookPosts { get; set; }
}
