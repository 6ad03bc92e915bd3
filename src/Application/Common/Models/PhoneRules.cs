using FluentValidation;
using TeleCmi.Domain.Common;

namespace TeleCmi.Application.Common.Models;

/// <summary>Validation rules shared by requests that carry phone numbers.</summary>
public static class PhoneRules
{
    /// <summary>The value must parse as a phone number (India assumed without a country code).</summary>
    public static IRuleBuilderOptions<T, string?> ValidPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => PhoneNumber.TryParse(value, out _))
            .WithMessage("Not a valid phone number. Use 10 digits, or the number with its country code (+91...).");
}
