using System.ComponentModel.DataAnnotations;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>TeleCMI settings (configuration section <c>TeleCmi</c>).</summary>
public sealed class TeleCmiOptions
{
    public const string SectionName = "TeleCmi";

    /// <summary>TeleCMI's public API, used in Live mode when <see cref="BaseUrl"/> is empty.</summary>
    public const string LiveBaseUrl = "https://rest.telecmi.com/";

    /// <summary>Shortest webhook token accepted in Live mode: the token is all that authenticates a webhook.</summary>
    public const int MinWebhookTokenLength = 24;

    /// <summary>
    /// <c>Live</c> (default: TeleCMI, or whatever <see cref="BaseUrl"/> names) or <c>Simulated</c> (the stand-in hosted in
    /// this process; accepted in the Development environment and test hosts only).
    /// </summary>
    public TeleCmiMode Mode { get; set; } = TeleCmiMode.Live;

    /// <summary>
    /// The provider's base URL. Empty: <see cref="LiveBaseUrl"/> in Live mode, the in-process stand-in in Simulated mode.
    /// Point it at a stand-in of its own (src/TeleCmiStandIn) to run Live mode without a TeleCMI account.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>TeleCMI app id (a number). Required in Live mode.</summary>
    public string? AppId { get; set; }

    /// <summary>TeleCMI app secret. Required in Live mode. Never logged or returned.</summary>
    public string? AppSecret { get; set; }

    /// <summary>Secret TeleCMI puts in the webhook URL (<c>?token=</c>). Required in Live mode, at least 24 characters.</summary>
    public string? WebhookToken { get; set; }

    /// <summary>The previous webhook token, still accepted while TeleCMI's dashboard is being switched over.</summary>
    public string? PreviousWebhookToken { get; set; }

    /// <summary>Ring the agent's mobile (<c>webrtc=false, followme=true</c>) rather than the softphone.</summary>
    public bool RingAgentMobile { get; set; } = true;

    /// <summary>Seconds one attempt may take before it is abandoned (and, for a click-to-call, not retried).</summary>
    [Range(1, 120)]
    public int AttemptTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds a whole provider call (all attempts and the waits between them) may take.</summary>
    [Range(1, 300)]
    public int TotalTimeoutSeconds { get; set; } = 12;

    /// <summary>Extra attempts after a failure that proves TeleCMI never took the request (no connection, 429, 503).</summary>
    [Range(0, 5)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First wait before a retry, in milliseconds; it doubles per retry, with jitter.</summary>
    [Range(10, 10_000)]
    public int RetryBaseDelayMs { get; set; } = 200;

    /// <summary>Share of failed attempts within the sampling window that opens the circuit (0.1 to 1).</summary>
    [Range(0.1, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts that must have been made within the sampling window before the circuit can open.</summary>
    [Range(2, 1000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 5;

    /// <summary>The window, in seconds, over which failures are counted.</summary>
    [Range(1, 600)]
    public int CircuitBreakerSamplingSeconds { get; set; } = 30;

    /// <summary>How long, in seconds, the circuit stays open (calls answered 503 at once) before one trial call.</summary>
    [Range(1, 600)]
    public int CircuitBreakerBreakSeconds { get; set; } = 30;

    /// <summary>Seconds allowed for downloading a recording's bytes once TeleCMI has started sending them.</summary>
    [Range(1, 600)]
    public int RecordingDownloadTimeoutSeconds { get; set; } = 60;

    /// <summary>Largest recording fetched, in bytes; it is held in memory so range requests can be served.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxRecordingBytes { get; set; } = 50L * 1024 * 1024;
}

/// <summary>Which TeleCMI the service talks to.</summary>
public enum TeleCmiMode
{
    /// <summary>The real TeleCMI (or a stand-in at <see cref="TeleCmiOptions.BaseUrl"/>), with real credentials.</summary>
    Live,

    /// <summary>The stand-in hosted inside the API; no real calls. Development and test hosts only.</summary>
    Simulated,
}
