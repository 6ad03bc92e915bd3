using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.ImportDrivers;

/// <summary>
/// Validates every row, then applies the valid ones set-wise in one transaction: the existing drivers of each chunk
/// of ids are read with one query, changed in memory, and written with one <c>SaveChanges</c> (batched statements).
/// </summary>
public sealed class ImportDriversHandler(IAppDbContext db, IValidator<DriverImportRow> rowValidator, TimeProvider clock)
    : ICommandHandler<ImportDriversCommand, DriverImportResult>
{
    /// <summary>Ids per query and rows per <c>SaveChanges</c>.</summary>
    internal const int ChunkSize = 1_000;

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public async ValueTask<DriverImportResult> Handle(ImportDriversCommand command, CancellationToken cancellationToken)
    {
        var results = new DriverImportRowResult[command.Rows.Count];
        var valid = Validate(command.Rows, results);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyAsync(valid, results, cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // A driver of the batch was added by another request after our read: read again and apply again.
                db.ClearTracked();
            }
        }
        return new DriverImportResult(
            results.Count(r => r.Result == DriverUpsertOutcome.Created), results.Count(r => r.Result == DriverUpsertOutcome.Updated),
            results.Count(r => r.Result == DriverUpsertOutcome.Unchanged), results.Count(r => r.Result == DriverUpsertOutcome.Rejected), results);
    }

    private List<ValidRow> Validate(IReadOnlyList<DriverImportRow> rows, DriverImportRowResult[] results)
    {
        var valid = new List<ValidRow>(rows.Count);
        var firstRowById = new Dictionary<string, int>(DriverIdComparer.Instance);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var check = rowValidator.Validate(row);
            if (!check.IsValid)
            {
                results[i] = Rejected(row, check.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
                continue;
            }
            // The same driver twice in one file is a mistake in the file: which row should win is not ours to guess.
            if (!firstRowById.TryAdd(row.Id!, row.Row))
            {
                results[i] = Rejected(row, new Dictionary<string, string[]>
                {
                    ["id"] = [$"Row {firstRowById[row.Id!]} has the same id; an id may appear once per import."],
                });
                continue;
            }
            DriverKinds.TryParse(row.Kind, out var kind);
            valid.Add(new ValidRow(i, row, PhoneNumber.Parse(row.Phone), kind));
        }
        return valid;
    }

    private async Task ApplyAsync(List<ValidRow> valid, DriverImportRowResult[] results, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginReadCommittedTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in valid.Chunk(ChunkSize))
        {
            var ids = chunk.Select(v => v.Row.Id!).ToList();
            var existing = await db.Drivers.Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
            var exact = existing.ToDictionary(d => d.Id, StringComparer.Ordinal);
            // On MariaDB the query also finds "DRV-1" for "drv-1": that stored driver is the one the row means.
            var alike = existing.GroupBy(d => d.Id, DriverIdComparer.Instance).ToDictionary(g => g.Key, g => g.First(), DriverIdComparer.Instance);
            foreach (var v in chunk)
            {
                var (row, phone, kind) = (v.Row, v.Phone, v.Kind);
                var driver = exact.GetValueOrDefault(row.Id!) ?? alike.GetValueOrDefault(row.Id!);
                DriverUpsertOutcome outcome;
                if (driver is null)
                {
                    db.Drivers.Add(new Driver(row.Id!, row.Name!, phone, row.TmId, kind, now));
                    outcome = DriverUpsertOutcome.Created;
                }
                else
                {
                    outcome = driver.Update(row.Name!, phone, row.TmId, kind, now) ? DriverUpsertOutcome.Updated : DriverUpsertOutcome.Unchanged;
                }
                results[v.Index] = new DriverImportRowResult(row.Row, row.Id, outcome, NoErrors);
            }
            await db.SaveChangesAsync(cancellationToken);
            // Keeps the next chunk's change detection to the next chunk's drivers.
            db.ClearTracked();
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static DriverImportRowResult Rejected(DriverImportRow row, IReadOnlyDictionary<string, string[]> errors) =>
        new(row.Row, string.IsNullOrEmpty(row.Id) ? null : row.Id, DriverUpsertOutcome.Rejected, errors);

    private sealed record ValidRow(int Index, DriverImportRow Row, PhoneNumber Phone, DriverKind Kind);
}
