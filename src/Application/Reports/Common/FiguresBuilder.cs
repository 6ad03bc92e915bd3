using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Reports.Common;

/// <summary>
/// Adds up <see cref="FigureRow"/>s into <see cref="CallFigures"/>. Attempts never placed are counted apart
/// (<see cref="CallFigures.NotPlaced"/>) and in nothing else, whichever report, rollup or live count the rows come from.
/// </summary>
public sealed class FiguresBuilder
{
    private readonly int[] statuses = new int[Enum.GetValues<CallStatus>().Length];
    private readonly int[] outcomes = new int[Enum.GetValues<CallOutcome>().Length];
    private int calls, noOutcome, notPlaced;
    private long talkSeconds;

    public FiguresBuilder Add(FigureRow row)
    {
        if (row.Status == CallStatus.NotPlaced)
        {
            notPlaced += row.Calls;
            return this;
        }
        calls += row.Calls;
        talkSeconds += row.TalkSeconds;
        statuses[(int)row.Status] += row.Calls;
        if (row.Outcome is { } outcome) outcomes[(int)outcome] += row.Calls;
        else noOutcome += row.Calls;
        return this;
    }

    /// <summary>Adds figures already built (for totals): they keep every count the ratios need.</summary>
    public FiguresBuilder Add(CallFigures f)
    {
        calls += f.Calls;
        notPlaced += f.NotPlaced;
        talkSeconds += f.TalkSeconds;
        statuses[(int)CallStatus.Completed] += f.Completed;
        statuses[(int)CallStatus.Answered] += f.Answered - f.Completed;
        statuses[(int)CallStatus.Missed] += f.Missed;
        statuses[(int)CallStatus.Failed] += f.Failed;
        statuses[(int)CallStatus.Unknown] += f.Unknown;
        statuses[(int)CallStatus.Initiating] += f.InProgress;
        var o = f.Outcomes;
        int[] counts = [o.Connected, o.NotReachable, o.Busy, o.WrongNumber, o.CallBackLater, o.Interested, o.NotInterested, o.Other, o.DoNotCall];
        foreach (var outcome in Enum.GetValues<CallOutcome>()) outcomes[(int)outcome] += counts[(int)outcome];
        noOutcome += o.None;
        return this;
    }

    public CallFigures Build()
    {
        int S(CallStatus s) => statuses[(int)s];
        int O(CallOutcome o) => outcomes[(int)o];
        return CallFigures.FromCounts(
            calls, S(CallStatus.Answered) + S(CallStatus.Completed), S(CallStatus.Completed), S(CallStatus.Missed), S(CallStatus.Failed),
            S(CallStatus.Initiating) + S(CallStatus.Initiated) + S(CallStatus.Ringing), S(CallStatus.Unknown), notPlaced, talkSeconds,
            new OutcomeCounts(O(CallOutcome.Connected), O(CallOutcome.NotReachable), O(CallOutcome.Busy), O(CallOutcome.WrongNumber),
                O(CallOutcome.CallBackLater), O(CallOutcome.Interested), O(CallOutcome.NotInterested), O(CallOutcome.Other), O(CallOutcome.DoNotCall), noOutcome));
    }
}
