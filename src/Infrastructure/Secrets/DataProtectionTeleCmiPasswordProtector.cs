using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.Infrastructure.Secrets;

/// <summary>Agents' TeleCMI passwords, encrypted and authenticated by Data Protection under a purpose of their own.</summary>
public sealed class DataProtectionTeleCmiPasswordProtector(IDataProtectionProvider provider) : ITeleCmiPasswordProtector
{
    /// <summary>
    /// The purpose string: text protected for another purpose (or another app) does not decrypt here. Part of the stored
    /// data's format, so it never changes; a new format would get a new version suffix.
    /// </summary>
    public const string Purpose = "TeleCmi.Agents.TeleCmiPassword.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    /// <inheritdoc />
    public string Protect(string password) => protector.Protect(password);

    /// <inheritdoc />
    public string? Unprotect(string cipherText)
    {
        try
        {
            return protector.Unprotect(cipherText);
        }
        catch (CryptographicException)
        {
            // The key is gone (a database restored without its key table, another ApplicationName) or the text was altered.
            return null;
        }
    }
}
