using TeleCmi.Application.Reports.Common;
using TeleCmi.Domain.Calls;

namespace TeleCmi.UnitTests.Application.Reports;

public sealed class CallFiguresTests
{
    [Test]
    public void FromGroupedRows_CountsStatusesOutcomesRatesAndTalkTime()
    {
        var figures = new FiguresBuilder()
            .Add(new FigureRow(CallStatus.Completed, CallOutcome.Interested, 3, 300))
            .Add(new FigureRow(CallStatus.Answered, null, 1, 0))
            .Add(new FigureRow(CallStatus.Missed, CallOutcome.NotReachable, 2, 0))
            .Add(new FigureRow(CallStatus.Failed, null, 1, 0))
            .Add(new FigureRow(CallStatus.Ringing, null, 1, 0))
            .Add(new FigureRow(CallStatus.Initiating, null, 1, 0))
            .Add(new FigureRow(CallStatus.Unknown, null, 1, 0))
            .Build();

        Assert.That(figures, Is.EqualTo(new CallFigures(10, 4, 3, 2, 1, 2, 1, 0, 0.4, 300, 75.0,
            new OutcomeCounts(0, 2, 0, 0, 0, 3, 0, 0, 0, 5))));
    }

    [Test]
    public void NoCalls_AllZero_NoDivisionByZero()
    {
        Assert.That(CallFigures.Zero.ConnectRate, Is.Zero);
        Assert.That(CallFigures.Zero.AverageTalkSeconds, Is.Zero);
        Assert.That(CallFigures.Zero.Calls, Is.Zero);
    }

    [Test]
    public void Totals_EqualTheFiguresOfAllRowsTogether()
    {
        FigureRow[] day1 = [new(CallStatus.Completed, CallOutcome.Connected, 2, 100), new(CallStatus.Missed, null, 1, 0)];
        FigureRow[] day2 = [new(CallStatus.Answered, CallOutcome.Busy, 1, 0), new(CallStatus.Completed, null, 1, 35), new(CallStatus.Initiated, null, 2, 0)];
        var together = day1.Concat(day2).Aggregate(new FiguresBuilder(), (b, r) => b.Add(r)).Build();
        var perDay = new[] { day1, day2 }.Select(rows => rows.Aggregate(new FiguresBuilder(), (b, r) => b.Add(r)).Build());

        Assert.That(ReportFigures.Total(perDay), Is.EqualTo(together));
        Assert.That(together.ConnectRate, Is.EqualTo(4 / 7.0).Within(0.0001));
        Assert.That(together.AverageTalkSeconds, Is.EqualTo(33.8));
    }

    [Test]
    public void NotPlacedAttempts_AreCountedApart_AndLeaveCallsFailedConnectRateAndOutcomesAlone()
    {
        FigureRow[] placed = [new(CallStatus.Completed, CallOutcome.Connected, 3, 90), new(CallStatus.Missed, null, 1, 0), new(CallStatus.Failed, null, 1, 0)];
        var before = placed.Aggregate(new FiguresBuilder(), (b, r) => b.Add(r)).Build();

        var after = placed.Append(new FigureRow(CallStatus.NotPlaced, null, 6, 0))
            .Append(new FigureRow(CallStatus.NotPlaced, CallOutcome.NotReachable, 1, 0))
            .Aggregate(new FiguresBuilder(), (b, r) => b.Add(r)).Build();

        Assert.Multiple(() =>
        {
            Assert.That(after.NotPlaced, Is.EqualTo(7));
            Assert.That(after with { NotPlaced = 0 }, Is.EqualTo(before), "calls, failed, connectRate, outcomes: as if the outage never happened");
            Assert.That(after.Calls, Is.EqualTo(5));
            Assert.That(after.Failed, Is.EqualTo(1));
            Assert.That(after.ConnectRate, Is.EqualTo(0.6));
        });
    }

    [Test]
    public void NotPlaced_SurvivesTotalsAndTheRollupRow()
    {
        var day1 = new FiguresBuilder().Add(new FigureRow(CallStatus.NotPlaced, null, 2, 0)).Add(new FigureRow(CallStatus.Completed, null, 1, 10)).Build();
        var day2 = new FiguresBuilder().Add(new FigureRow(CallStatus.NotPlaced, null, 3, 0)).Build();

        var total = ReportFigures.Total([day1, day2]);
        var stored = day1.ToRollupFigure("Asia/Kolkata", new DateOnly(2026, 3, 1), CallProvider.TeleCmi);

        Assert.Multiple(() =>
        {
            Assert.That(total.NotPlaced, Is.EqualTo(5));
            Assert.That(total.Calls, Is.EqualTo(1));
            Assert.That(stored.NotPlaced, Is.EqualTo(2));
            Assert.That(stored.ToFigures(), Is.EqualTo(day1));
        });
    }
}
