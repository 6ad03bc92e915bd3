using TeleCmi.Domain.Common;

namespace TeleCmi.Domain.Calls;

/// <summary>
/// When a follow-up may be set: after now, and at most <see cref="MaxDaysAhead"/> days ahead. The upper bound keeps
/// every stored follow-up a time that lists, exports and reports can show in any time zone (a year-9999 follow-up
/// once broke the CSV export for everyone), and a call-back planned more than a year out is a typing slip.
/// </summary>
public static class FollowUpWindow
{
    /// <summary>The furthest ahead a follow-up may be, in days (a leap year's worth).</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>The request field a refusal names.</summary>
    public const string Field = "followUpAt";

    /// <summary>The latest follow-up allowed at <paramref name="nowUtc"/>.</summary>
    public static DateTime LatestAt(DateTime nowUtc) => nowUtc.AddDays(MaxDaysAhead);

    /// <summary>True when <paramref name="followUpUtc"/> is after now and no later than <see cref="LatestAt"/>.</summary>
    public static bool Allows(DateTime followUpUtc, DateTime nowUtc) => followUpUtc > nowUtc && followUpUtc <= LatestAt(nowUtc);

    /// <summary>Throws <see cref="DomainException"/> naming <see cref="Field"/> when <paramref name="followUpUtc"/> is outside the window.</summary>
    public static void Check(DateTime? followUpUtc, DateTime nowUtc)
    {
        if (followUpUtc is not { } followUp) return;
        if (followUp <= nowUtc) throw new DomainException(InThePastMessage, Field);
        if (followUp > LatestAt(nowUtc)) throw new DomainException(TooFarMessage, Field);
    }

    /// <summary>The refusal of a follow-up that is not in the future.</summary>
    public const string InThePastMessage = "A follow-up must be in the future.";

    /// <summary>The refusal of a follow-up too far ahead.</summary>
    public static readonly string TooFarMessage = $"A follow-up is at most {MaxDaysAhead} days ahead.";
}
