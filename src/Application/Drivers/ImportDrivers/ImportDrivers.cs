using FluentValidation;
using Mediator;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Drivers.ImportDrivers;

/// <summary>
/// Applies many of the platform's driver records at once (admins only): each valid row is an upsert as
/// <c>PUT /api/drivers/{id}</c> would do it; an invalid row is reported and skipped, and does not stop the others.
/// </summary>
/// <remarks>Runs its own transaction, so that a duplicate key from a concurrent writer can retry the whole batch.</remarks>
[Authorize(AgentRole.Admin)]
public sealed record ImportDriversCommand(IReadOnlyList<DriverImportRow> Rows) : ICommand<DriverImportResult>, IManagesOwnTransaction
{
    /// <summary>Most rows one import takes.</summary>
    public const int MaxRows = 10_000;
}

/// <summary>One row as the client sent it, numbered as the client counts it (JSON index, CSV line).</summary>
/// <param name="Row">The row's number: its index in a JSON array, its line in a CSV file.</param>
/// <param name="Unreadable">Why the row could not be read as a driver at all (a CSV line with too many fields), or null.</param>
public sealed record DriverImportRow(int Row, string? Id, string? Name, string? Phone, string? TmId, string? Kind, string? Unreadable = null)
    : IDriverFields;

public sealed class ImportDriversValidator : AbstractValidator<ImportDriversCommand>
{
    public ImportDriversValidator() =>
        RuleFor(x => x.Rows).NotEmpty().OverridePropertyName("body").WithMessage("The import has no rows.");
}

/// <summary>The rules for one row: a driver's fields, and a kind the import can read.</summary>
public sealed class DriverImportRowValidator : AbstractValidator<DriverImportRow>
{
    public DriverImportRowValidator()
    {
        RuleFor(x => x.Unreadable).Null().WithMessage(x => x.Unreadable).OverridePropertyName("row");
        Include(new DriverFieldsValidator());
        RuleFor(x => x.Kind).Must(kind => DriverKinds.TryParse(kind, out _)).WithMessage("'kind' is driver or transporter (driver when empty).");
    }
}
