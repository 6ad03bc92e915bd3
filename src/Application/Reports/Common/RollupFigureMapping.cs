using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Reports;

namespace TeleCmi.Application.Reports.Common;

/// <summary>Between the figures the reports show and the rollup rows they are stored in.</summary>
public static class RollupFigureMapping
{
    /// <summary>The row storing <paramref name="f"/>, the figures of <paramref name="day"/>'s calls with one provider.</summary>
    public static RollupFigure ToRollupFigure(this CallFigures f, string zone, DateOnly day, CallProvider provider) => new()
    {
        Zone = zone, Day = day, Provider = provider,
        Calls = f.Calls, Answered = f.Answered, Completed = f.Completed, Missed = f.Missed, Failed = f.Failed,
        InProgress = f.InProgress, Unknown = f.Unknown, NotPlaced = f.NotPlaced, TalkSeconds = f.TalkSeconds,
        Connected = f.Outcomes.Connected, NotReachable = f.Outcomes.NotReachable, Busy = f.Outcomes.Busy,
        WrongNumber = f.Outcomes.WrongNumber, CallBackLater = f.Outcomes.CallBackLater, Interested = f.Outcomes.Interested,
        NotInterested = f.Outcomes.NotInterested, OtherOutcome = f.Outcomes.Other, DoNotCallOutcome = f.Outcomes.DoNotCall, NoOutcome = f.Outcomes.None,
    };

    /// <summary>The figures a stored row holds.</summary>
    public static CallFigures ToFigures(this RollupFigure r) => CallFigures.FromCounts(
        r.Calls, r.Answered, r.Completed, r.Missed, r.Failed, r.InProgress, r.Unknown, r.NotPlaced, r.TalkSeconds,
        new OutcomeCounts(r.Connected, r.NotReachable, r.Busy, r.WrongNumber, r.CallBackLater, r.Interested, r.NotInterested, r.OtherOutcome, r.DoNotCallOutcome, r.NoOutcome));
}
