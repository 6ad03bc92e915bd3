using System.ComponentModel.DataAnnotations;

namespace TeleCmi.Api.Auth;

/// <summary>Access token settings (configuration section <c>Jwt</c>).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>HMAC-SHA256 signing key, at least 32 bytes. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>A previous signing key still accepted for validation during rotation (never used to sign).</summary>
    public string? PreviousSigningKey { get; set; }

    [Required(ErrorMessage = "Jwt:Issuer (env Jwt__Issuer) must not be empty.")]
    public string Issuer { get; set; } = "telecmi-api";

    [Required(ErrorMessage = "Jwt:Audience (env Jwt__Audience) must not be empty.")]
    public string Audience { get; set; } = "telecmi-app";

    /// <summary>Token lifetime in minutes.</summary>
    [Range(1, 7 * 24 * 60, ErrorMessage = "Jwt:LifetimeMinutes (env Jwt__LifetimeMinutes) must be 1 to 10080 minutes.")]
    public int LifetimeMinutes { get; set; } = 12 * 60;

    /// <summary>Key used in Development when none is configured. Never valid elsewhere.</summary>
    public const string DevelopmentKey = "development-only-signing-key-change-me-0123456789";
}
