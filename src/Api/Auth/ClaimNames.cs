namespace TeleCmi.Api.Auth;

/// <summary>Claim names we write into access tokens.</summary>
public static class ClaimNames
{
    public const string Role = "role";

    /// <summary>The agent's security stamp when the token was issued (see <c>Agent.SecurityStamp</c>).</summary>
    public const string SecurityStamp = "stamp";
}
