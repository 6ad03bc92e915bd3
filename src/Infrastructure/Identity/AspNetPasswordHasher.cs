using Microsoft.AspNetCore.Identity;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2, versioned format).</summary>
public sealed class AspNetPasswordHasher : IPasswordHasher
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object User = new();

    public string Hash(string password) => Hasher.HashPassword(User, password);

    public bool Verify(string hash, string password)
    {
        try
        {
            return Hasher.VerifyHashedPassword(User, hash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
