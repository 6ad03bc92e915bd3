using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace TeleCmi.Infrastructure.Persistence;

/// <summary>Configures EF Core for the chosen engine. Shared by the app and the design-time factories.</summary>
public static class DbContextOptionsFactory
{
    public const string SqliteMigrationsAssembly = "TeleCmi.Migrations.Sqlite";
    public const string MySqlMigrationsAssembly = "TeleCmi.Migrations.MySql";
    public const string DefaultSqliteConnectionString = "Data Source=data/telecmi.db";
    private static readonly IndexHintInterceptor HintedQueries = new();
    private static readonly WholeMicrosecondsInterceptor WholeMicroseconds = new();

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string connectionString)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.MySql:
                // A zero date (0000-00-00, storable by hand under MariaDB's default sql_mode) would make every read of
                // its row throw, ending a CSV export mid-stream; read as DateTime.MinValue it is shown like any old time.
                connectionString = new MySqlConnectionStringBuilder(connectionString) { ConvertZeroDateTime = true }.ConnectionString;
                builder.UseMySql(connectionString, ServerVersion.Parse(options.ServerVersion), mysql => mysql
                    .MigrationsAssembly(MySqlMigrationsAssembly)
                    .CommandTimeout(options.CommandTimeoutSeconds));
                builder.AddInterceptors(HintedQueries, WholeMicroseconds);
                break;
            default:
                builder.UseSqlite(connectionString, sqlite => sqlite
                    .MigrationsAssembly(SqliteMigrationsAssembly)
                    .CommandTimeout(options.CommandTimeoutSeconds));
                break;
        }
        // EF logs each failed command, connection, query and save at Error: during an outage that is several entries per
        // request. DatabaseAvailability logs the outage instead (and the exception handler any error that is not one).
        builder.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
    }

    /// <summary>Makes a relative SQLite file path relative to <paramref name="baseDirectory"/> and creates its folder.</summary>
    public static string ResolveSqlite(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(path)) builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, path));
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
