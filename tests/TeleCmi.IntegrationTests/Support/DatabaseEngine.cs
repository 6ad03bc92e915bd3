using MySqlConnector;
using NUnit.Framework;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>The real database engines the integration tests run against.</summary>
public enum DatabaseEngine
{
    Sqlite,
    MySql,
}

/// <summary>A throw-away database on one engine: a temp SQLite file, or a uniquely named MariaDB database.</summary>
public sealed class TestDatabase
{
    /// <summary>Environment variable holding a MySQL/MariaDB connection string for the MySQL tests.</summary>
    public const string MySqlVariable = "TELECMI_TEST_MYSQL";

    private TestDatabase(DatabaseEngine engine, string connectionString)
    {
        Engine = engine;
        ConnectionString = connectionString;
    }

    public DatabaseEngine Engine { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// Creates a database for <paramref name="engine"/>. Without a MySQL connection string the MySQL tests
    /// are skipped with a clear message, except under CI=true, where a skipped MySQL test fails the run.
    /// </summary>
    public static TestDatabase Create(DatabaseEngine engine)
    {
        if (engine == DatabaseEngine.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), "telecmi-tests", $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new TestDatabase(engine, $"Data Source={path}");
        }
        var template = Environment.GetEnvironmentVariable(MySqlVariable);
        if (string.IsNullOrWhiteSpace(template))
        {
            const string message = "MySQL tests skipped: set " + MySqlVariable +
                                   " to a MySQL/MariaDB connection string (a user allowed to create databases) to run them.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail("CI=true but " + MySqlVariable + " is not set: the MySQL tests must run in CI.");
            Assert.Ignore(message);
        }
        var builder = new MySqlConnectionStringBuilder(template) { Database = $"telecmi_test_{Guid.NewGuid():N}"[..32] };
        return new TestDatabase(engine, builder.ConnectionString);
    }

    /// <summary>Drops the database or deletes the file.</summary>
    public async Task DropAsync()
    {
        if (Engine == DatabaseEngine.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                if (File.Exists(file)) File.Delete(file);
            return;
        }
        // The fixture's service is gone, but its pooled connections would stay open for minutes: with one pool per test
        // database, a whole run then exceeds the server's max_connections (151). Fixtures run one after another.
        MySqlConnection.ClearAllPools();
        var builder = new MySqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database;
        builder.Database = "";
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS `{name}`";
        await command.ExecuteNonQueryAsync();
    }
}
