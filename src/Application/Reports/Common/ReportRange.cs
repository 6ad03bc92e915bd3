using FluentValidation;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Time;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Reports.Common;

/// <summary>Report ranges: business dates, both ends included, 30 days up to today by default.</summary>
public static class ReportRange
{
    /// <summary>The longest range a report covers.</summary>
    public const int MaxDays = 1096;

    /// <summary>Days shown when no range is given.</summary>
    public const int DefaultDays = 30;

    /// <summary>
    /// The earliest and latest business dates a report may name. Far inside what a date can hold, so the day
    /// arithmetic (the day after 'to', the UTC start of 'from' east of Greenwich) never runs off the calendar:
    /// without them 9999-12-31 or 0001-01-01 was a 500.
    /// </summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2999, 12, 31);

    public static (DateOnly From, DateOnly To) Resolve(DateOnly? from, DateOnly? to, BusinessCalendar calendar)
    {
        var today = calendar.Today;
        // Only 'from': up to 30 days from it, ending today at the latest (or on 'from' itself when it is in the future).
        var end = to ?? (from is { } f ? Min(f.AddDays(DefaultDays - 1), Max(f, today)) : today);
        return (from ?? end.AddDays(-(DefaultDays - 1)), end);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static void Rules<T>(AbstractValidator<T> v, Func<T, DateOnly?> from, Func<T, DateOnly?> to)
    {
        var bounds = $"Dates are {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.";
        v.RuleFor(x => from(x)).Must(d => d is null || (d >= Earliest && d <= Latest)).WithName("from").WithMessage(bounds);
        v.RuleFor(x => to(x)).Must(d => d is null || (d >= Earliest && d <= Latest)).WithName("to").WithMessage(bounds);
        v.RuleFor(x => to(x)).Must((x, end) => from(x) is null || end is null || end >= from(x))
            .WithName("to").WithMessage("'to' must not be before 'from'.");
        v.RuleFor(x => to(x)).Must((x, end) => from(x) is null || end is null || end.Value.DayNumber - from(x)!.Value.DayNumber < MaxDays)
            .WithName("to").WithMessage($"A report covers at most {MaxDays} days.");
    }

    /// <summary>The agent whose figures are asked for: a telecaller may only ask for their own.</summary>
    public static int? AgentFor(ICurrentUser user, int? agentId)
    {
        if (user.Role is not AgentRole.Telecaller) return agentId;
        if (agentId is not null && agentId != user.AgentId) throw new ForbiddenException("Telecallers see only their own figures.");
        return user.AgentId;
    }
}
