using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TeleCmi.Infrastructure.Persistence.Availability;

/// <summary>
/// Reports every command's outcome, and every failed connection, to <see cref="DatabaseAvailability"/>. A command's
/// answer is the proof the database is up: opening a pooled connection may not reach the server at all.
/// </summary>
public sealed class DatabaseAvailabilityInterceptor(DatabaseAvailability availability) : IDbCommandInterceptor, IDbConnectionInterceptor
{
    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Succeeded(eventData, result);

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Succeeded(eventData, result));

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Succeeded(eventData, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Succeeded(eventData, result));

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Succeeded(eventData, result);

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Succeeded(eventData, result));

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(eventData.Exception, eventData.StartTime);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception, eventData.StartTime);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Failed(eventData.Exception, eventData.StartTime);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception, eventData.StartTime);
        return Task.CompletedTask;
    }

    private T Succeeded<T>(CommandExecutedEventData eventData, T result)
    {
        availability.ReportSuccess(eventData.StartTime);
        return result;
    }

    private void Failed(Exception exception, DateTimeOffset startedAt)
    {
        if (DatabaseFailure.IsUnavailability(exception)) availability.ReportFailure(exception, startedAt);
    }
}
