using System.ComponentModel.DataAnnotations;
using TeleCmi.Domain.Common;

namespace TeleCmi.Infrastructure.Seeding;

/// <summary>The first admin, created at start-up when no admin exists (section <c>Auth:BootstrapAdmin</c>).</summary>
public sealed class BootstrapAdminOptions : IValidatableObject
{
    public const string SectionName = "Auth:BootstrapAdmin";

    /// <summary>The admin's username; with <see cref="Password"/>, or neither (no bootstrap admin).</summary>
    public string? Username { get; set; }

    /// <summary>8 to 128 characters, as for any agent.</summary>
    public string? Password { get; set; }

    [Required(ErrorMessage = "Auth:BootstrapAdmin:DisplayName (env Auth__BootstrapAdmin__DisplayName) must not be empty.")]
    public string DisplayName { get; set; } = "Administrator";

    public string Phone { get; set; } = "+919000000000";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasUser = !string.IsNullOrWhiteSpace(Username);
        var hasPassword = !string.IsNullOrEmpty(Password);
        if (hasUser != hasPassword)
            yield return new ValidationResult(
                "Auth:BootstrapAdmin:Username and Auth:BootstrapAdmin:Password (env Auth__BootstrapAdmin__Username, __Password) are set together or not at all.",
                [nameof(Username), nameof(Password)]);
        if (hasPassword && Password!.Length is < 8 or > 128)
            yield return new ValidationResult("Auth:BootstrapAdmin:Password (env Auth__BootstrapAdmin__Password) must have 8 to 128 characters.", [nameof(Password)]);
        if (hasUser && !PhoneNumber.TryParse(Phone, out _))
            yield return new ValidationResult("Auth:BootstrapAdmin:Phone (env Auth__BootstrapAdmin__Phone) is not a valid phone number.", [nameof(Phone)]);
    }
}
