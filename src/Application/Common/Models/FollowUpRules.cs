using FluentValidation;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Common.Models;

/// <summary>Validation of a follow-up time, shared by every request that sets one (the domain's <see cref="FollowUpWindow"/>).</summary>
public static class FollowUpRules
{
    /// <summary>After now and at most <see cref="FollowUpWindow.MaxDaysAhead"/> days ahead (400 naming the field otherwise).</summary>
    public static IRuleBuilderOptions<T, DateTime?> InFollowUpWindow<T>(this IRuleBuilder<T, DateTime?> rule, TimeProvider clock) =>
        rule.Must(f => f is null || f.Value.ToUniversalTime() > clock.GetUtcNow().UtcDateTime)
            .WithMessage(FollowUpWindow.InThePastMessage)
            .Must(f => f is null || f.Value.ToUniversalTime() <= FollowUpWindow.LatestAt(clock.GetUtcNow().UtcDateTime))
            .WithMessage(FollowUpWindow.TooFarMessage);
}
