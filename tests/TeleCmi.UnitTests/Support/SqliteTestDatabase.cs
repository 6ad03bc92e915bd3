using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.UnitTests.Support;

/// <summary>
/// A real SQLite database in memory, alive as long as this object: the schema comes from the same EF Core
/// model the service uses, so constraints, conversions and the concurrency token behave as in production.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly SqliteConnection connection;

    public SqliteTestDatabase()
    {
        connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        using var context = NewContext();
        context.Database.EnsureCreated();
    }

    /// <summary>A fresh context on the same database (nothing tracked), e.g. to read what a handler saved.</summary>
    public AppDbContext NewContext(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).AddInterceptors(interceptors).Options);

    public void Dispose() => connection.Dispose();
}
