using System.ComponentModel.DataAnnotations;

namespace TeleCmi.Infrastructure.Persistence;

/// <summary>Which database engine to use (configuration section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default, a file next to the app) or <c>MySql</c> (MySQL/MariaDB via Pomelo).</summary>
    [Required(ErrorMessage = "Database:Provider (env Database__Provider) must be Sqlite or MySql.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up. Turn off where a DBA runs <c>migrations/mysql/schema.sql</c>.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>MySQL/MariaDB server version the SQL is generated for, e.g. <c>10.11.0-mariadb</c> or <c>8.0.36-mysql</c>.</summary>
    [Required(ErrorMessage = "Database:ServerVersion (env Database__ServerVersion) must not be empty, e.g. 10.11.0-mariadb.")]
    public string ServerVersion { get; set; } = "10.11.0-mariadb";

    /// <summary>Seconds a single SQL command may run.</summary>
    [Range(1, 600, ErrorMessage = "Database:CommandTimeoutSeconds (env Database__CommandTimeoutSeconds) must be 1 to 600 seconds.")]
    public int CommandTimeoutSeconds { get; set; } = 15;

    /// <summary>Seed the demo agents and drivers (Development only).</summary>
    public bool SeedDemoData { get; set; }
}

/// <summary>Supported database engines.</summary>
public enum DatabaseProvider
{
    Sqlite,
    MySql,
}
