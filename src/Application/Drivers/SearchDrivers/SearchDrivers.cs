using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Domain.Common;

namespace TeleCmi.Application.Drivers.SearchDrivers;

/// <summary>Finds drivers by id, name, TM id or phone number.</summary>
[Authorize]
public sealed record SearchDriversQuery(string? Search, int Limit = 50, int Offset = 0) : IQuery<PagedResult<DriverDto>>;

public sealed class SearchDriversValidator : AbstractValidator<SearchDriversQuery>
{
    public SearchDriversValidator()
    {
        RuleFor(x => x.Search).MaximumLength(100);
        RuleFor(x => x.Limit).InclusiveBetween(1, 200);
        RuleFor(x => x.Offset).InclusiveBetween(0, 1_000_000);
    }
}

public sealed class SearchDriversHandler(IAppDbContext db) : IQueryHandler<SearchDriversQuery, PagedResult<DriverDto>>
{
    public async ValueTask<PagedResult<DriverDto>> Handle(SearchDriversQuery query, CancellationToken cancellationToken)
    {
        var drivers = db.Drivers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var phone = PhoneNumber.TryParse(term, out var parsed) ? parsed!.E164 : null;
            drivers = drivers.Where(d => d.Id == term || d.TmId == term || d.Phone == phone || d.Name.Contains(term));
        }
        var total = await drivers.CountAsync(cancellationToken);
        var items = await drivers.OrderBy(d => d.Name).ThenBy(d => d.Id).Skip(query.Offset).Take(query.Limit).ToListAsync(cancellationToken);
        return new PagedResult<DriverDto>(items.Select(DriverDto.From).ToList(), total, query.Limit, query.Offset);
    }
}
