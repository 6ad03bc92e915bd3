namespace TeleCmi.Api.OpenApi;

/// <summary>The media type of every error answer (RFC 9457).</summary>
public static class ProblemMediaType
{
    public const string Name = "application/problem+json";
}
