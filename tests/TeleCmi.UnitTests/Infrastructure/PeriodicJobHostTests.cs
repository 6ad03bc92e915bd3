using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeleCmi.Infrastructure.Jobs;

namespace TeleCmi.UnitTests.Infrastructure;

/// <summary>The one loop every background job shares: schedule, fresh scope per run, a failure as one warning, stop.</summary>
public sealed class PeriodicJobHostTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task AnOnSchedule_RunsTheJobAtEveryTick()
    {
        var runs = new Runs();
        await using var host = Host(runs, PeriodicJobSchedule.Every(Short), out _);

        await host.StartAsync(CancellationToken.None);
        await runs.WaitForAsync(3);

        Assert.That(runs.Count, Is.GreaterThanOrEqualTo(3));
        await host.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task TheFirstRun_ComesAfterFirstRunAfter_NotAfterTheInterval()
    {
        var runs = new Runs();
        await using var host = Host(runs, new PeriodicJobSchedule(TimeSpan.FromHours(1), TimeSpan.Zero), out _);

        await host.StartAsync(CancellationToken.None);
        await runs.WaitForAsync(1);

        Assert.That(runs.Count, Is.EqualTo(1));
        await host.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task EachRun_GetsAFreshScope()
    {
        var runs = new Runs();
        await using var host = Host(runs, PeriodicJobSchedule.Every(Short), out _);

        await host.StartAsync(CancellationToken.None);
        await runs.WaitForAsync(2);
        await host.StopAsync(CancellationToken.None);

        Assert.That(runs.Scopes.Distinct().Count(), Is.EqualTo(runs.Scopes.Count), "one job instance (and scope) per run");
    }

    [Test]
    public async Task AFailedRun_IsOneWarningWithoutStackTrace_AndTheNextTickRunsAgain()
    {
        var runs = new Runs { FailFirst = 1 };
        await using var host = Host(runs, PeriodicJobSchedule.Every(Short), out var logs);

        await host.StartAsync(CancellationToken.None);
        await runs.WaitForAsync(2);
        await host.StopAsync(CancellationToken.None);

        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(warnings, Has.Count.EqualTo(1));
            Assert.That(warnings[0].Message, Does.Contain(nameof(CountingJob)).And.Contain(nameof(TimeoutException)));
            Assert.That(logs.Entries.Where(e => e.Exception is not null || e.Level >= LogLevel.Error), Is.Empty);
            Assert.That(host.ExecuteTask!.IsCompletedSuccessfully, Is.True, "the loop survived the failure and ended cleanly");
        });
    }

    [Test]
    public async Task StoppingTheHost_EndsTheLoop_AndNoRunFollows()
    {
        var runs = new Runs();
        await using var host = Host(runs, PeriodicJobSchedule.Every(Short), out var logs);
        await host.StartAsync(CancellationToken.None);
        await runs.WaitForAsync(1);

        await host.StopAsync(CancellationToken.None);
        var afterStop = runs.Count;
        await Task.Delay(Short * 5);

        Assert.Multiple(() =>
        {
            Assert.That(host.ExecuteTask!.IsCompletedSuccessfully, Is.True);
            Assert.That(runs.Count, Is.EqualTo(afterStop));
            Assert.That(logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty, "stopping is not a failure");
        });
    }

    [Test]
    public async Task AnOffSchedule_NeverRuns()
    {
        var runs = new Runs();
        await using var host = Host(runs, PeriodicJobSchedule.Off, out _);

        await host.StartAsync(CancellationToken.None);
        await Task.Delay(Short * 5);

        Assert.Multiple(() =>
        {
            Assert.That(runs.Count, Is.Zero);
            Assert.That(host.ExecuteTask!.IsCompletedSuccessfully, Is.True);
        });
        await host.StopAsync(CancellationToken.None);
    }

    private static DisposableHost Host(Runs runs, PeriodicJobSchedule schedule, out RecordedLogs logs)
    {
        logs = new RecordedLogs();
        var services = new ServiceCollection();
        var captured = logs;
        services.AddLogging(b => b.AddProvider(captured));
        services.AddSingleton(runs);
        services.AddSingleton(TimeProvider.System);
        services.AddPeriodicJob<CountingJob>(_ => schedule);
        var provider = services.BuildServiceProvider();
        var host = (PeriodicJobHost<CountingJob>)provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Single();
        return new DisposableHost(host, provider);
    }

    private sealed class DisposableHost(PeriodicJobHost<CountingJob> host, ServiceProvider provider) : IAsyncDisposable
    {
        public Task? ExecuteTask => host.ExecuteTask;

        public Task StartAsync(CancellationToken ct) => host.StartAsync(ct);

        public Task StopAsync(CancellationToken ct) => host.StopAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
            await provider.DisposeAsync();
        }
    }

    public sealed class Runs
    {
        private int count;
        public int FailFirst { get; init; }
        public ConcurrentQueue<Guid> Scopes { get; } = new();
        public int Count => Volatile.Read(ref count);

        public int Record(Guid job)
        {
            Scopes.Enqueue(job);
            return Interlocked.Increment(ref count);
        }

        public async Task WaitForAsync(int atLeast)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (Count < atLeast && DateTime.UtcNow < deadline) await Task.Delay(5);
            Assert.That(Count, Is.GreaterThanOrEqualTo(atLeast), $"the job ran {Count} times within {Patience}");
        }
    }

    public sealed class CountingJob(Runs runs) : IPeriodicJob
    {
        private readonly Guid id = Guid.NewGuid();

        public Task RunAsync(CancellationToken cancellationToken) =>
            runs.Record(id) <= runs.FailFirst ? Task.FromException(new TimeoutException("database down")) : Task.CompletedTask;
    }

    private sealed class RecordedLogs : ILoggerProvider
    {
        public sealed record Entry(LogLevel Level, string Message, Exception? Exception);

        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Entries);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception));
        }
    }
}
