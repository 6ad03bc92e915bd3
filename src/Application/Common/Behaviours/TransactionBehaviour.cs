using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.Application.Common.Behaviours;

/// <summary>
/// Runs a command in one database transaction through EF Core's execution strategy, so a transient
/// failure retries the whole unit. Commands that must commit part of their work before calling out
/// (InitiateCall stores the call before asking TeleCMI) implement <see cref="IManagesOwnTransaction"/>.
/// On failure the transaction rolls back and the exception propagates unchanged.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IAppDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || message is IManagesOwnTransaction || db.Database.CurrentTransaction is not null)
            return await next(message, cancellationToken);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ClearTracked();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var response = await next(message, ct);
            await transaction.CommitAsync(ct);
            return response;
        }, cancellationToken);
    }
}

/// <summary>Marks a command that commits its own work in steps and must not be wrapped in one transaction.</summary>
public interface IManagesOwnTransaction;
