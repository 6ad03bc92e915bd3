using FluentValidation;
using TeleCmi.Application.Common.Models;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.Common;

/// <summary>A driver as the platform sends it: the fields every way in (create, upsert, import) checks the same way.</summary>
public interface IDriverFields
{
    string? Id { get; }
    string? Name { get; }
    string? Phone { get; }
    string? TmId { get; }
}

/// <summary>The one set of rules for a driver's fields; each command includes it.</summary>
public sealed class DriverFieldsValidator : AbstractValidator<IDriverFields>
{
    public DriverFieldsValidator()
    {
        RuleFor(x => x.Id).NotEmpty().MaximumLength(Driver.MaxIdLength).Matches(@"^[^\x00-\x1F\x7F]+$")
            .WithMessage("The driver id is 1 to 50 printable characters.");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100).NoControlCharacters();
        RuleFor(x => x.Phone).ValidPhone();
        RuleFor(x => x.TmId).MaximumLength(50).NoControlCharacters();
    }
}
