using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>TeleCMI does not sign webhooks; the URL carries an unguessable, rotatable token instead.</summary>
public sealed class WebhookAuthenticator(IOptionsMonitor<TeleCmiOptions> options) : IWebhookAuthenticator
{
    public bool IsValid(string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var current = options.CurrentValue;
        // Evaluate both comparisons so timing does not reveal which token matched.
        var matchesCurrent = FixedTimeEquals(token, current.WebhookToken);
        var matchesPrevious = FixedTimeEquals(token, current.PreviousWebhookToken);
        return matchesCurrent | matchesPrevious;
    }

    private static bool FixedTimeEquals(string presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected)) return false;
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
