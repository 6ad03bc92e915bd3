namespace TeleCmi.Application.Common.Interfaces;

/// <summary>
/// TeleCMI user tokens kept between requests, per TeleCMI user id, until TeleCMI refuses one. Held in each instance's
/// memory: a token is a credential (not worth encrypting into the database), and an instance without one only logs in again.
/// </summary>
public interface ITeleCmiUserTokens
{
    /// <summary>The token kept for <paramref name="userId"/>, if any.</summary>
    string? Find(string userId);

    /// <summary>Keeps <paramref name="token"/> for <paramref name="userId"/>.</summary>
    void Remember(string userId, string token);

    /// <summary>Drops <paramref name="token"/> (TeleCMI refused it), unless a newer one has replaced it meanwhile.</summary>
    void Forget(string userId, string token);
}
