using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.ImportDoNotCall;

/// <summary>
/// Normalises the numbers to E.164, then works set-wise in chunks of <see cref="ChunkSize"/> distinct numbers, inside
/// the command's one transaction: one query counts the matching drivers, then <see cref="IDoNotCallBulkMarks"/> adds the
/// records of the newly marked ones (<c>INSERT ... SELECT</c>) and marks them (<c>UPDATE ... WHERE phone IN (...)</c>).
/// Never a statement per number.
/// </summary>
public sealed class ImportDoNotCallHandler(IAppDbContext db, IDoNotCallBulkMarks bulk, ICurrentUser user, TimeProvider clock, IAuditTrail audit)
    : ICommandHandler<ImportDoNotCallCommand, DoNotCallImportResult>
{
    /// <summary>Numbers per statement.</summary>
    internal const int ChunkSize = 1_000;

    private const int InvalidLinesShown = 100;

    /// <summary>The entity id of an import's audit entry (it concerns many drivers).</summary>
    public const string AuditImportEntityId = "import";

    public async ValueTask<DoNotCallImportResult> Handle(ImportDoNotCallCommand command, CancellationToken cancellationToken)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var invalidLines = new List<int>();
        var (invalid, duplicates) = (0, 0);
        foreach (var number in command.Numbers)
        {
            if (!PhoneNumber.TryParse(number.Text, out var parsed) || parsed is null)
            {
                if (++invalid <= InvalidLinesShown) invalidLines.Add(number.Line);
            }
            else if (!distinct.Add(parsed.E164)) duplicates++;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? ImportDoNotCallCommand.DefaultReason : command.Reason.Trim();
        var source = command.Source ?? DoNotCallSource.DndRegistry;
        var (marked, alreadyMarked, matchedNumbers) = (0, 0, 0);
        foreach (var chunk in distinct.Chunk(ChunkSize))
        {
            var phones = chunk.ToList();
            var matches = await db.Drivers.AsNoTracking().Where(d => phones.Contains(d.Phone))
                .Select(d => new { d.Id, d.Phone, Marked = d.DoNotCallSince != null }).ToListAsync(cancellationToken);
            matchedNumbers += matches.Select(m => m.Phone).Distinct(StringComparer.Ordinal).Count();
            alreadyMarked += matches.Count(m => m.Marked);
            if (matches.All(m => m.Marked)) continue;
            marked += await bulk.MarkAsync(phones, reason, source, user.AgentId, now, cancellationToken);
        }
        // Each newly marked driver has its own do_not_call_records row (who, when, reason, source); the audit trail gets
        // one entry for the import as a whole, so a registry scrub of 100,000 numbers is one line there, not 100,000.
        audit.Record(AuditEntities.Driver, AuditImportEntityId, AuditActions.DoNotCallImport,
            [AuditChange.Of("marked", null, marked), AuditChange.Of("alreadyMarked", null, alreadyMarked), AuditChange.Of("source", null, source),
             AuditChange.Of("reason", null, reason)]);
        await db.SaveChangesAsync(cancellationToken);
        return new DoNotCallImportResult(command.Numbers.Count, marked, alreadyMarked, distinct.Count - matchedNumbers, duplicates, invalid, invalidLines);
    }
}
