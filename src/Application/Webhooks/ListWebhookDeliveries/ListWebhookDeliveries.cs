using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Webhooks.Common;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Webhooks.ListWebhookDeliveries;

/// <summary>
/// Lists stored webhook deliveries, newest first (admins): typically those that matched no call (<c>Matched = false</c>),
/// with why, to replay them once their call exists. Keyset paging: pass the previous page's <c>NextCursor</c>.
/// </summary>
[Authorize(AgentRole.Admin)]
public sealed record ListWebhookDeliveriesQuery(bool? Matched = null, DateTime? From = null, DateTime? To = null, int Limit = 50, string? Cursor = null)
    : IQuery<WebhookDeliveryPage>;

/// <summary>One page of the delivery list.</summary>
/// <param name="Items">The deliveries, newest first.</param>
/// <param name="Limit">Page size.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryDto> Items, int Limit, string? NextCursor);

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    /// <summary>The earliest and latest times the list may be asked about (as the reports' dates).</summary>
    private static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), Latest = new(3000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public ListWebhookDeliveriesValidator()
    {
        const string bounds = "Times are 2000-01-01 to 2999-12-31 (UTC).";
        RuleFor(x => x.Limit).InclusiveBetween(1, 200);
        RuleFor(x => x.Cursor).Must(c => WebhookDeliveryCursor.TryParse(c, out _)).When(x => x.Cursor is not null)
            .WithMessage("'cursor' is not a cursor this service returned (take it from 'nextCursor').");
        RuleFor(x => x.From).Must(t => t >= Earliest && t < Latest).When(x => x.From is not null).WithMessage(bounds);
        RuleFor(x => x.To).Must(t => t >= Earliest && t < Latest).When(x => x.To is not null).WithMessage(bounds);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("'to' must not be before 'from'.");
    }
}

public sealed class ListWebhookDeliveriesHandler(IAppDbContext db) : IQueryHandler<ListWebhookDeliveriesQuery, WebhookDeliveryPage>
{
    public async ValueTask<WebhookDeliveryPage> Handle(ListWebhookDeliveriesQuery q, CancellationToken cancellationToken)
    {
        var deliveries = db.WebhookDeliveries.AsNoTracking();
        if (q.Matched is true) deliveries = deliveries.Where(d => d.CallId != null);
        if (q.Matched is false) deliveries = deliveries.Where(d => d.CallId == null);
        if (q.From is { } from) deliveries = deliveries.Where(d => d.ReceivedAt >= from);
        if (q.To is { } to) deliveries = deliveries.Where(d => d.ReceivedAt <= to);
        if (WebhookDeliveryCursor.TryParse(q.Cursor, out var after))
            deliveries = deliveries.Where(d => d.ReceivedAt < after.ReceivedAt || (d.ReceivedAt == after.ReceivedAt && d.Id < after.Id));
        // One row more than asked tells whether a next page exists without counting.
        var rows = await deliveries.OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id).Take(q.Limit + 1).ToListAsync(cancellationToken);
        var more = rows.Count > q.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        var next = more ? new WebhookDeliveryCursor(rows[^1].ReceivedAt, rows[^1].Id).ToString() : null;
        return new WebhookDeliveryPage(rows.Select(WebhookDeliveryDto.From).ToList(), q.Limit, next);
    }
}
