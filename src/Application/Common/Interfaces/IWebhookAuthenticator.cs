namespace TeleCmi.Application.Common.Interfaces;

/// <summary>Checks the secret TeleCMI puts in the webhook URL.</summary>
public interface IWebhookAuthenticator
{
    /// <summary>Constant-time comparison against the current and the previous token.</summary>
    bool IsValid(string? token);
}
