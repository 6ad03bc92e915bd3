using System.ComponentModel.DataAnnotations;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>TeleCMI settings (configuration section <c>TeleCmi</c>).</summary>
public sealed class TeleCmiOptions
{
    public const string SectionName = "TeleCmi";

    /// <summary><c>Simulated</c> (default: the built-in stand-in) or <c>Live</c> (the real TeleCMI).</summary>
    public TeleCmiMode Mode { get; set; } = TeleCmiMode.Simulated;

    /// <summary>TeleCMI's API base URL in Live mode. In Simulated mode the built-in stand-in's URL is used when empty.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>TeleCMI app id (a number). Required in Live mode.</summary>
    public string? AppId { get; set; }

    /// <summary>TeleCMI app secret. Required in Live mode. Never logged or returned.</summary>
    public string? AppSecret { get; set; }

    /// <summary>Secret TeleCMI puts in the webhook URL (<c>?token=</c>). Required in Live mode.</summary>
    public string? WebhookToken { get; set; }

    /// <summary>The previous webhook token, still accepted while TeleCMI's dashboard is being switched over.</summary>
    public string? PreviousWebhookToken { get; set; }

    /// <summary>Ring the agent's mobile (<c>webrtc=false, followme=true</c>) rather than the softphone.</summary>
    public bool RingAgentMobile { get; set; } = true;

    /// <summary>Seconds one attempt may take before it is abandoned.</summary>
    [Range(1, 120)]
    public int AttemptTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds a whole provider call (all attempts) may take.</summary>
    [Range(1, 300)]
    public int TotalTimeoutSeconds { get; set; } = 12;
}

/// <summary>Which TeleCMI the service talks to.</summary>
public enum TeleCmiMode
{
    Simulated,
    Live,
}
