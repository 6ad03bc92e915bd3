using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TeleCmi.Infrastructure.Persistence.Availability;

namespace TeleCmi.UnitTests.Infrastructure;

/// <summary>Which failures mean "the database cannot be reached" (logged once per outage) and which are the caller's business.</summary>
public sealed class DatabaseFailureTests
{
    public static IEnumerable<TestCaseData> Unreachable()
    {
        yield return new TestCaseData(new TimeoutException()).SetName("a timeout");
        yield return new TestCaseData(new InvalidOperationException("An exception has been raised", new SocketException(111))).SetName("a refused socket inside EF's wrapper");
        yield return new TestCaseData(new DbUpdateException("save failed", new IOException("Connection reset"))).SetName("a reset connection during SaveChanges");
        yield return new TestCaseData(new RetryLimitExceededException("retries", new TimeoutException())).SetName("retries used up");
        yield return new TestCaseData(new SqliteException("unable to open database file", 14)).SetName("SQLite cannot open its file");
        yield return new TestCaseData(new SqliteException("database is locked", 5)).SetName("SQLite busy past its timeout");
    }

    public static IEnumerable<TestCaseData> Answered()
    {
        yield return new TestCaseData(new SqliteException("UNIQUE constraint failed", 19)).SetName("a constraint violation");
        yield return new TestCaseData(new DbUpdateConcurrencyException("changed")).SetName("a concurrency conflict");
        yield return new TestCaseData(new InvalidOperationException("bug")).SetName("a plain bug");
        yield return new TestCaseData(new SqliteException("no such column: x", 1)).SetName("a bad query");
    }

    [TestCaseSource(nameof(Unreachable))]
    public void IsUnavailability(Exception exception) => Assert.That(DatabaseFailure.IsUnavailability(exception), Is.True);

    [TestCaseSource(nameof(Answered))]
    public void IsNotUnavailability(Exception exception) => Assert.That(DatabaseFailure.IsUnavailability(exception), Is.False);

    [Test]
    public void Nothing_IsNotUnavailability() => Assert.That(DatabaseFailure.IsUnavailability(null), Is.False);
}
