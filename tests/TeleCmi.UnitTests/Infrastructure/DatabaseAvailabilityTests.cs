using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TeleCmi.Infrastructure.Persistence.Availability;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Infrastructure;

/// <summary>An outage logs one Error, a Warning summary at most every 10 s, one Information when it ends; nothing per failure.</summary>
public sealed class DatabaseAvailabilityTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Exception Unreachable = new TimeoutException("Connect Timeout expired.");

    private FakeTimeProvider clock = null!;
    private RecordingLogger<DatabaseAvailability> logs = null!;
    private DatabaseAvailability availability = null!;

    [SetUp]
    public void CreateTracker()
    {
        clock = new FakeTimeProvider(Start);
        logs = new RecordingLogger<DatabaseAvailability>();
        availability = new DatabaseAvailability(clock, logs);
    }

    [Test]
    public void SuccessesWhileUp_LogNothing()
    {
        for (var i = 0; i < 100; i++) availability.ReportSuccess(clock.GetUtcNow());

        Assert.That(logs.Entries, Is.Empty);
        Assert.That(availability.IsUnavailable, Is.False);
    }

    [Test]
    public void TheFirstFailure_LogsOneError_WithTheException()
    {
        availability.ReportFailure(Unreachable, clock.GetUtcNow());

        Assert.That(logs.Entries, Has.Count.EqualTo(1));
        Assert.That(logs.Entries[0].Level, Is.EqualTo(LogLevel.Error));
        Assert.That(logs.Entries[0].Exception, Is.SameAs(Unreachable));
        Assert.That(availability.IsUnavailable, Is.True);
    }

    [Test]
    public void ManyFailuresWithinTenSeconds_LogNothingMore()
    {
        availability.ReportFailure(Unreachable, clock.GetUtcNow());
        for (var i = 0; i < 1000; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(9));
            availability.ReportFailure(Unreachable, clock.GetUtcNow());
        }

        Assert.That(logs.Entries.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Error }));
    }

    [Test]
    public void ALongOutage_LogsOneWarningSummaryPerTenSeconds_WithCounts()
    {
        availability.ReportFailure(Unreachable, clock.GetUtcNow());
        // 30 s of outage, 100 failures a second.
        for (var i = 0; i < 3000; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            availability.ReportFailure(Unreachable, clock.GetUtcNow());
        }

        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.That(warnings, Has.Count.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(warnings[0].Message, Does.Contain("after 10 s").And.Contains("1000 failed operations in the last 10 s").And.Contains("1001 since"));
            Assert.That(warnings[2].Message, Does.Contain("after 30 s").And.Contains("1000 failed operations").And.Contains("3001 since"));
            Assert.That(logs.Entries, Has.Count.EqualTo(4), "one Error and three Warnings");
        });
    }

    [Test]
    public void TheFirstSuccessAfterTheOutage_LogsOneInformation_AndLaterSuccessesNothing()
    {
        availability.ReportFailure(Unreachable, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(3));
        availability.ReportFailure(Unreachable, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(30));

        availability.ReportSuccess(clock.GetUtcNow());
        availability.ReportSuccess(clock.GetUtcNow());

        Assert.That(logs.Entries.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Error, LogLevel.Information }));
        Assert.That(logs.Entries[1].Message, Does.Contain("after 33 s").And.Contains("2 operations failed"));
        Assert.That(availability.IsUnavailable, Is.False);
    }

    [Test]
    public void ASuccessOfAQueryBegunBeforeTheOutageWasNoticed_DoesNotEndIt()
    {
        var begunEarlier = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMilliseconds(50));
        availability.ReportFailure(Unreachable, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMilliseconds(50));

        availability.ReportSuccess(begunEarlier);

        Assert.That(availability.IsUnavailable, Is.True);
        Assert.That(logs.Entries.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Error }));
    }

    [Test]
    public void AFailureOfAQueryBegunBeforeTheRecovery_DoesNotStartANewOutage()
    {
        availability.ReportFailure(Unreachable, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(5));
        var begunDuringTheOutage = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(1));
        availability.ReportSuccess(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(1));

        availability.ReportFailure(Unreachable, begunDuringTheOutage);

        Assert.That(availability.IsUnavailable, Is.False);
        Assert.That(logs.Entries.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Error, LogLevel.Information }));
    }

    [Test]
    public void ASecondOutage_IsLoggedAsOneAgain()
    {
        availability.ReportFailure(Unreachable, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(1));
        availability.ReportSuccess(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(5));

        availability.ReportFailure(Unreachable, clock.GetUtcNow());
        availability.ReportFailure(Unreachable, clock.GetUtcNow());

        Assert.That(logs.Entries.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Error, LogLevel.Information, LogLevel.Error }));
    }

    [Test]
    public void ConcurrentFailuresAndSuccesses_LogOneErrorAndOneInformation()
    {
        Parallel.For(0, 10_000, i => availability.ReportFailure(Unreachable, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Parallel.For(0, 10_000, i => availability.ReportSuccess(clock.GetUtcNow()));

        Assert.That(logs.Entries.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Error, LogLevel.Information }));
        Assert.That(logs.Entries[1].Message, Does.Contain("10000 operations failed"));
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> entries = new();

        public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries => entries.ToList();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
