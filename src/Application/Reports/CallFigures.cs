using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Reports;

/// <summary>
/// The figures of a set of calls.
/// <para><c>answered</c> counts calls the driver picked up (status answered or completed); <c>connectRate</c> is
/// answered / calls; <c>talkSeconds</c> sums TeleCMI's talk time (or the agent's reported duration for manual
/// calls); <c>averageTalkSeconds</c> is talkSeconds / answered. <c>inProgress</c> counts calls not finished yet
/// (initiating, initiated, ringing), <c>unknown</c> those with no final word from TeleCMI.</para>
/// </summary>
public sealed record CallFigures(
    int Calls, int Answered, int Completed, int Missed, int Failed, int InProgress, int Unknown,
    double ConnectRate, long TalkSeconds, double AverageTalkSeconds, OutcomeCounts Outcomes)
{
    /// <summary>No calls.</summary>
    public static CallFigures Zero { get; } = new FiguresBuilder().Build();

    /// <summary>Figures from their counts; the ratios are worked out here.</summary>
    public static CallFigures FromCounts(int calls, int answered, int completed, int missed, int failed, int inProgress, int unknown,
        long talkSeconds, OutcomeCounts outcomes) =>
        new(calls, answered, completed, missed, failed, inProgress, unknown,
            calls == 0 ? 0 : Math.Round((double)answered / calls, 4),
            talkSeconds,
            answered == 0 ? 0 : Math.Round((double)talkSeconds / answered, 1),
            outcomes);
}

/// <summary>Calls per outcome the agent recorded; <c>none</c> counts calls without one.</summary>
public sealed record OutcomeCounts(
    int Connected, int NotReachable, int Busy, int WrongNumber, int CallBackLater, int Interested, int NotInterested, int Other, int None);

/// <summary>One group of rows as the database returns it: a status, an outcome, how many, and their talk seconds.</summary>
public sealed record FigureRow(CallStatus Status, CallOutcome? Outcome, int Calls, long TalkSeconds);

/// <summary>Adds up <see cref="FigureRow"/>s into <see cref="CallFigures"/>.</summary>
public sealed class FiguresBuilder
{
    private readonly int[] statuses = new int[Enum.GetValues<CallStatus>().Length];
    private readonly int[] outcomes = new int[Enum.GetValues<CallOutcome>().Length];
    private int calls, noOutcome;
    private long talkSeconds;

    public FiguresBuilder Add(FigureRow row)
    {
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
        talkSeconds += f.TalkSeconds;
        statuses[(int)CallStatus.Completed] += f.Completed;
        statuses[(int)CallStatus.Answered] += f.Answered - f.Completed;
        statuses[(int)CallStatus.Missed] += f.Missed;
        statuses[(int)CallStatus.Failed] += f.Failed;
        statuses[(int)CallStatus.Unknown] += f.Unknown;
        statuses[(int)CallStatus.Initiating] += f.InProgress;
        var o = f.Outcomes;
        int[] counts = [o.Connected, o.NotReachable, o.Busy, o.WrongNumber, o.CallBackLater, o.Interested, o.NotInterested, o.Other];
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
            S(CallStatus.Initiating) + S(CallStatus.Initiated) + S(CallStatus.Ringing), S(CallStatus.Unknown), talkSeconds,
            new OutcomeCounts(O(CallOutcome.Connected), O(CallOutcome.NotReachable), O(CallOutcome.Busy), O(CallOutcome.WrongNumber),
                O(CallOutcome.CallBackLater), O(CallOutcome.Interested), O(CallOutcome.NotInterested), O(CallOutcome.Other), noOutcome));
    }
}
