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

    /// <summary>
    /// The password every TeleCMI user of the app has at the stand-in (<c>POST /v2/user/login</c>). The default is the one
    /// the service's Development seed gives the demo telecaller asha (not a secret: the stand-in places no real calls).
    /// </summary>
    public string UserPassword { get; set; } = DefaultUserPassword;

    /// <summary>The stand-in's default <see cref="UserPassword"/>.</summary>
    public const string DefaultUserPassword = "telecmi-demo-pass";

    /// <summary>Seconds a user token is accepted after its login (TeleCMI: 30 days). Tests shorten it to see a token refused.</summary>
    [Range(1, 30 * 24 * 3600)]
    public int UserTokenLifetimeSeconds { get; set; } = 30 * 24 * 3600;

    /// <summary>
    /// Whether the stand-in keeps a call record of each call it plays (<c>/v2/out_answered</c>, <c>/v2/out_missed</c>,
    /// <c>/v2/user/out_cdr</c>). Off: TeleCMI "has no record" of any call (tests of reconciliation giving up).
    /// </summary>
    public bool KeepCallRecords { get; set; } = true;

    /// <summary>The first this many call-record requests answer HTTP 500 (tests of reconciliation retrying later).</summary>
    [Range(0, 1_000_000)]
    public int CallRecordsFailFirst { get; set; }

    /// <summary>Scenario <c>0008</c>: wall-clock seconds agent and driver talk unless the call is hung up first.</summary>
    [Range(1, 24 * 3600)]
    public int HeldCallSeconds { get; set; } = 300;
}
