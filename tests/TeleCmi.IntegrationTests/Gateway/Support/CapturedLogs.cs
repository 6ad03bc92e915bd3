using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TeleCmi.IntegrationTests.Gateway.Support;

/// <summary>Records every log line (message and exception text) so a test can scan them for leaks.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    /// <summary>Everything logged so far, one entry per line, with its category and any exception.</summary>
    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose() { }

    /// <summary>The lines that contain any of <paramref name="needles"/>.</summary>
    public IReadOnlyList<string> Containing(IEnumerable<string> needles) =>
        lines.Where(line => needles.Any(n => line.Contains(n, StringComparison.Ordinal))).ToList();

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
    }
}
