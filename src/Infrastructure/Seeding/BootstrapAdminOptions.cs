namespace TeleCmi.Infrastructure.Seeding;

/// <summary>The first admin, created at start-up when no admin exists (section <c>Auth:BootstrapAdmin</c>).</summary>
public sealed class BootstrapAdminOptions
{
    public const string SectionName = "Auth:BootstrapAdmin";

    public string? Username { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "Administrator";
    public string Phone { get; set; } = "+919000000000";
}
