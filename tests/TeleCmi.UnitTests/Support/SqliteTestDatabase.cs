using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.UnitTests.Support;

/// <summary>
/// A real SQLite database in memory, alive as long as this object: the schema comes from the same EF Core
/// model the service uses, so constraints, conversions and the concurrency token behave as in production.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly DbContextOptions<AppDbContext> options;

    public SqliteTestDatabase()
    {
        connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options;
        using var context = NewContext();
        context.Database.EnsureCreated();
    }

    /// <summary>A fresh context on the same database (nothing tracked), e.g. to read what a handler saved.</summary>
    public AppDbContext NewContext() => new(options);

    public void Dispose() => connection.Dispose();
}
