using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using MySqlConnector;

namespace TeleCmi.Infrastructure.Persistence.Availability;

/// <summary>
/// Tells a database that cannot be reached (down, restarting, out of connections, not answering in time) from a
/// database that answered with an error (a constraint, a deadlock, a bad query), which is the caller's business.
/// </summary>
public static class DatabaseFailure
{
    /// <summary>Whether <paramref name="exception"/>, or an exception inside it, says the database could not be reached.</summary>
    public static bool IsUnavailability(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutException or RetryLimitExceededException or SocketException or IOException:
                    return true;
                // Contention, not an outage: the database answered.
                case MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout }:
                    return false;
                case MySqlException { IsTransient: true }
                    or MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost or MySqlErrorCode.ConnectionCountError or MySqlErrorCode.ServerShutdown }:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is CantOpen or IoError or Busy:
                    return true;
                case DbException { IsTransient: true }:
                    return true;
            }
        }
        return false;
    }

    // SQLite's result codes (sqlite3.h): the file cannot be opened or read, or stayed locked past the busy timeout.
    private const int Busy = 5;
    private const int IoError = 10;
    private const int CantOpen = 14;
}
