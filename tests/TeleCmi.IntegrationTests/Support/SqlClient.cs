using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>
/// A database connection of its own, opened as someone querying the database by hand would (not the service's
/// DbContext): for the SQL the seed's users run against <c>call_logs_v1</c>.
/// </summary>
public static class SqlClient
{
    /// <summary>Opens a connection to <paramref name="database"/>; on MySQL with the session time zone given (e.g. <c>+05:30</c>).</summary>
    public static async Task<DbConnection> OpenAsync(TestDatabase database, string? mySqlTimeZone = null)
    {
        DbConnection connection = database.Engine == DatabaseEngine.MySql
            ? new MySqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        if (mySqlTimeZone is not null && database.Engine == DatabaseEngine.MySql)
            await ExecuteAsync(connection, $"SET time_zone = '{mySqlTimeZone}'");
        return connection;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public static async Task<int> ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query; each row as column name → value (DBNull as null).</summary>
    public static async Task<List<Dictionary<string, object?>>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The column names a query returns, in order (the query may return no rows).</summary>
    public static async Task<IReadOnlyList<string>> ColumnsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
    }
}
