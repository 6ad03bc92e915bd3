namespace TeleCmi.Api.Auth;

/// <summary>Claim names we write into access tokens.</summary>
public static class ClaimNames
{
    public const string Role = "role";
}
