using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Audit.ListAuditEntries;

/// <summary>Lists the audit trail, newest first (admins). Keyset paging: pass the previous page's <c>NextCursor</c>.</summary>
[Authorize(AgentRole.Admin)]
public sealed record ListAuditEntriesQuery(
    string? Entity = null, string? EntityId = null, DateTime? From = null, DateTime? To = null, int Limit = 50, string? Cursor = null)
    : IQuery<AuditEntryPage>;

/// <summary>One page of the audit trail.</summary>
/// <param name="Items">The entries, newest first.</param>
/// <param name="Limit">Page size.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record AuditEntryPage(IReadOnlyList<AuditEntryDto> Items, int Limit, string? NextCursor);

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    private static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), Latest = new(3000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public ListAuditEntriesValidator()
    {
        const string bounds = "Times are 2000-01-01 to 2999-12-31 (UTC).";
        RuleFor(x => x.Entity).Must(e => AuditEntities.All.Contains(e)).When(x => x.Entity is not null)
            .WithMessage($"'entity' is one of: {string.Join(", ", AuditEntities.All)}.");
        RuleFor(x => x.EntityId).MaximumLength(64);
        RuleFor(x => x.EntityId).Null().When(x => x.Entity is null).WithMessage("'entityId' needs 'entity' (e.g. entity=call&entityId=call_…).");
        RuleFor(x => x.Limit).InclusiveBetween(1, 200);
        RuleFor(x => x.Cursor).Must(c => AuditEntryCursor.TryParse(c, out _)).When(x => x.Cursor is not null)
            .WithMessage("'cursor' is not a cursor this service returned (take it from 'nextCursor').");
        RuleFor(x => x.From).Must(t => t >= Earliest && t < Latest).When(x => x.From is not null).WithMessage(bounds);
        RuleFor(x => x.To).Must(t => t >= Earliest && t < Latest).When(x => x.To is not null).WithMessage(bounds);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("'to' must not be before 'from'.");
    }
}

public sealed class ListAuditEntriesHandler(IAppDbContext db) : IQueryHandler<ListAuditEntriesQuery, AuditEntryPage>
{
    public async ValueTask<AuditEntryPage> Handle(ListAuditEntriesQuery q, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (q.Entity is { } entity) entries = entries.Where(e => e.EntityType == entity);
        if (q.EntityId is { } entityId) entries = entries.Where(e => e.EntityId == entityId);
        if (q.From is { } from) entries = entries.Where(e => e.OccurredAt >= from);
        if (q.To is { } to) entries = entries.Where(e => e.OccurredAt <= to);
        if (AuditEntryCursor.TryParse(q.Cursor, out var after)) entries = entries.Where(e => e.Id < after.Id);
        // One row more than asked tells whether a next page exists without counting.
        var rows = await entries.OrderByDescending(e => e.Id).Take(q.Limit + 1).ToListAsync(cancellationToken);
        var more = rows.Count > q.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        var next = more ? new AuditEntryCursor(rows[^1].Id).ToString() : null;
        return new AuditEntryPage(rows.Select(AuditEntryDto.From).ToList(), q.Limit, next);
    }
}
