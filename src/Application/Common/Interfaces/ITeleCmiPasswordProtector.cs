namespace TeleCmi.Application.Common.Interfaces;

/// <summary>
/// Encrypts agents' TeleCMI passwords for storage and decrypts them to log in to TeleCMI. Implemented with ASP.NET Core
/// Data Protection (keys shared by every instance through the database). The plain text is never stored, returned or logged.
/// </summary>
public interface ITeleCmiPasswordProtector
{
    /// <summary>The text to store for <paramref name="password"/>.</summary>
    string Protect(string password);

    /// <summary>The password, or null when the stored text can no longer be decrypted (its key is gone or it was altered).</summary>
    string? Unprotect(string cipherText);
}
