using FluentValidation;
using Mediator;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Common.Security;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.ImportDoNotCall;

/// <summary>One number of a do-not-call import, as sent.</summary>
/// <param name="Line">Its line in the file (the first line is 1).</param>
/// <param name="Text">The number as written.</param>
public sealed record DoNotCallImportNumber(int Line, string Text);

/// <summary>
/// Marks do-not-call every driver whose number is in the list (e.g. a scrub against the DND registry), supervisors and
/// admins. Numbers are matched in E.164; drivers already marked keep their first mark.
/// </summary>
[Authorize(AgentRole.Supervisor, AgentRole.Admin)]
public sealed record ImportDoNotCallCommand(IReadOnlyList<DoNotCallImportNumber> Numbers, string? Reason, DoNotCallSource? Source)
    : ICommand<DoNotCallImportResult>
{
    /// <summary>The most numbers one import takes.</summary>
    public const int MaxNumbers = 100_000;

    /// <summary>The reason recorded when none is given.</summary>
    public const string DefaultReason = "Imported do-not-call list";
}

public sealed class ImportDoNotCallValidator : AbstractValidator<ImportDoNotCallCommand>
{
    public ImportDoNotCallValidator()
    {
        RuleFor(x => x.Numbers).NotEmpty().WithName("body").OverridePropertyName("body").WithMessage("The file lists no numbers.");
        RuleFor(x => x.Reason).MaximumLength(DoNotCallRecord.MaxReasonLength).NoControlCharacters();
        RuleFor(x => x.Source).IsInEnum();
    }
}

/// <summary>What an import did.</summary>
/// <param name="Numbers">Numbers in the file.</param>
/// <param name="Marked">Drivers newly marked do-not-call.</param>
/// <param name="AlreadyMarked">Drivers matched that were already marked (their mark is unchanged).</param>
/// <param name="Unmatched">Valid numbers (counted once each) that belong to no driver.</param>
/// <param name="Duplicates">Numbers that repeat one earlier in the file (the same in E.164).</param>
/// <param name="Invalid">Numbers that are not phone numbers.</param>
/// <param name="InvalidLines">The lines of the first 100 invalid numbers.</param>
public sealed record DoNotCallImportResult(int Numbers, int Marked, int AlreadyMarked, int Unmatched, int Duplicates, int Invalid, IReadOnlyList<int> InvalidLines);
