using FluentValidation;

namespace TeleCmi.Application.Common.Models;

/// <summary>Validation rules for free text fields.</summary>
public static class TextRules
{
    /// <summary>Refuses control characters other than tab, carriage return and line feed (NUL, escape, bell...).</summary>
    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            .WithMessage("Control characters are not allowed (tab and line breaks are).");

    /// <summary>A TeleCMI user password as an admin types it: 1 to 128 characters, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> TeleCmiPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(128).Must(value => value is null || !value.Any(char.IsControl))
            .WithMessage("A TeleCMI password is 1 to 128 characters without control characters.");
}
