using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.UnitTests.Infrastructure;

/// <summary>
/// The dial lock on SQLite rests on this: the transaction InitiateCall decides in takes SQLite's write lock when it
/// begins (BEGIN IMMEDIATE), so a second dial's transaction waits before it reads anything (docs/RELIABILITY.md).
/// </summary>
public sealed class ReadCommittedTransactionTests
{
    private string path = null!;

    [SetUp]
    public void CreateFile()
    {
        path = Path.Combine(Path.GetTempPath(), $"telecmi-lock-{Guid.NewGuid():N}.db");
        using var db = Context();
        db.Database.EnsureCreated();
    }

    [TearDown]
    public void DeleteFile()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    [Test]
    public async Task BeginReadCommittedTransaction_OnSqlite_TakesTheWriteLockAtOnce_SoASecondOneWaits()
    {
        await using var first = Context();
        await using var second = Context();
        await using var held = await first.BeginReadCommittedTransactionAsync(CancellationToken.None);

        var blocked = Assert.ThrowsAsync<SqliteException>(async () => await second.BeginReadCommittedTransactionAsync(CancellationToken.None));

        Assert.That(blocked!.SqliteErrorCode, Is.EqualTo(5), "SQLITE_BUSY: the first transaction holds the write lock");
        await held.RollbackAsync();
        await using var next = await second.BeginReadCommittedTransactionAsync(CancellationToken.None);
    }

    // A one-second busy timeout: long enough to show it waits, short enough for a unit test.
    private AppDbContext Context() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path};Default Timeout=1;Pooling=False").Options);
}
