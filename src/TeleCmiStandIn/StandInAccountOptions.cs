using System.ComponentModel.DataAnnotations;

namespace TeleCmi.StandIn;

/// <summary>
/// The TeleCMI app the stand-in pretends to host (configuration section <c>TeleCmi</c>): the same keys, and values, as
/// the service's own TeleCMI settings, so that one set of variables configures both.
/// </summary>
public sealed class StandInAccountOptions
{
    public const string SectionName = "TeleCmi";

    /// <summary>The app id; when set, a click2call's <c>user_id</c> must end in <c>_{AppId}</c>. Empty: any.</summary>
    public string? AppId { get; set; }

    /// <summary>The app secret the service must present. Required.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token the stand-in puts in its webhook URLs (<c>?token=</c>). Required.</summary>
    public string? WebhookToken { get; set; }

    /// <summary>The service's per-attempt timeout: the "slow" scenario (0004) answers 2 s after it.</summary>
    [Range(1, 120)]
    public int AttemptTimeoutSeconds { get; set; } = 5;
}
