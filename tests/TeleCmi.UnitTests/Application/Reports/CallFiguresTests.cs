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

        Assert.That(figures, Is.EqualTo(new CallFigures(10, 4, 3, 2, 1, 2, 1, 0.4, 300, 75.0,
            new OutcomeCounts(0, 2, 0, 0, 0, 3, 0, 0, 5))));
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
}
