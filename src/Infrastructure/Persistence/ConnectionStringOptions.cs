namespace TeleCmi.Infrastructure.Persistence;

/// <summary>The database connection string (configuration section <c>ConnectionStrings</c>, key <c>Default</c>).</summary>
public sealed class ConnectionStringOptions
{
    public const string SectionName = "ConnectionStrings";

    /// <summary>Required for MySQL; for SQLite, a file next to the app when empty.</summary>
    public string? Default { get; set; }
}
