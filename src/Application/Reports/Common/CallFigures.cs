using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Reports.Common;

/// <summary>
/// The figures of a set of calls.
/// <para><c>answered</c> counts calls the driver picked up (status answered or completed); <c>connectRate</c> is
/// answered / calls; <c>talkSeconds</c> sums TeleCMI's talk time (or the agent's reported duration for manual
/// calls); <c>averageTalkSeconds</c> is talkSeconds / answered. <c>inProgress</c> counts calls not finished yet
/// (initiating, initiated, ringing), <c>unknown</c> those with no final word from TeleCMI.</para>
/// <para><c>notPlaced</c> counts attempts that never reached TeleCMI (status <c>not_placed</c>: TeleCMI down, busy or
/// paused by the circuit breaker). They were no calls: <c>calls</c>, <c>failed</c>, <c>connectRate</c> and the outcomes
/// leave them out.</para>
/// </summary>
public sealed record CallFigures(
    int Calls, int Answered, int Completed, int Missed, int Failed, int InProgress, int Unknown, int NotPlaced,
    double ConnectRate, long TalkSeconds, double AverageTalkSeconds, OutcomeCounts Outcomes)
{
    /// <summary>No calls.</summary>
    public static CallFigures Zero { get; } = new FiguresBuilder().Build();

    /// <summary>Figures from their counts; the ratios are worked out here.</summary>
    public static CallFigures FromCounts(int calls, int answered, int completed, int missed, int failed, int inProgress, int unknown,
        int notPlaced, long talkSeconds, OutcomeCounts outcomes) =>
        new(calls, answered, completed, missed, failed, inProgress, unknown, notPlaced,
            calls == 0 ? 0 : Math.Round((double)answered / calls, 4),
            talkSeconds,
            answered == 0 ? 0 : Math.Round((double)talkSeconds / answered, 1),
            outcomes);
}

/// <summary>Calls per outcome the agent recorded; <c>none</c> counts calls without one.</summary>
public sealed record OutcomeCounts(
    int Connected, int NotReachable, int Busy, int WrongNumber, int CallBackLater, int Interested, int NotInterested, int Other, int DoNotCall, int None);

/// <summary>One group of rows as the database returns it: a status, an outcome, how many, and their talk seconds.</summary>
public sealed record FigureRow(CallStatus Status, CallOutcome? Outcome, int Calls, long TalkSeconds);
