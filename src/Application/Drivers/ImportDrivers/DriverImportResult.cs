using TeleCmi.Application.Drivers.Common;

namespace TeleCmi.Application.Drivers.ImportDrivers;

/// <summary>What an import did: counts, then one entry per row in the order sent.</summary>
/// <param name="Created">Rows that added a driver.</param>
/// <param name="Updated">Rows that changed an existing driver.</param>
/// <param name="Unchanged">Rows that matched an existing driver exactly; nothing was written.</param>
/// <param name="Rejected">Rows not applied; their <c>errors</c> say why.</param>
/// <param name="Rows">Every row's result, in the order sent.</param>
public sealed record DriverImportResult(int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<DriverImportRowResult> Rows);

/// <summary>One row's result.</summary>
/// <param name="Row">The row's number as the client counts it: the index in the JSON array (from 0), or the line in the CSV file (the header is line 1).</param>
/// <param name="Id">The id the row gave, or null when it gave none.</param>
/// <param name="Result">created, updated, unchanged or rejected.</param>
/// <param name="Errors">For a rejected row, messages keyed by the field's JSON name (<c>phone</c>, <c>id</c>, or <c>row</c> for the row as a whole); empty otherwise.</param>
public sealed record DriverImportRowResult(int Row, string? Id, DriverUpsertOutcome Result, IReadOnlyDictionary<string, string[]> Errors);
