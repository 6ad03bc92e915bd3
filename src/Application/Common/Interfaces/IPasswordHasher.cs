namespace TeleCmi.Application.Common.Interfaces;

/// <summary>Hashes and checks agents' passwords.</summary>
public interface IPasswordHasher
{
    string Hash(string password);
    bool Verify(string hash, string password);
}
