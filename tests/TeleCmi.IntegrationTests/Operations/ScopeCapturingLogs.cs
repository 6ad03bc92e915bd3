using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TeleCmi.IntegrationTests.Operations;

/// <summary>Records every log line with the values of the scopes it was written in (what the JSON console prints as "Scopes").</summary>
public sealed class ScopeCapturingLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Line> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public sealed record Line(string Category, string Message, IReadOnlyDictionary<string, string?> ScopeValues);

    public IReadOnlyCollection<Line> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(string category, ScopeCapturingLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, string?>();
            owner.scopes.ForEachScope((scope, acc) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, value) in pairs) acc[key] = value?.ToString();
            }, values);
            owner.lines.Enqueue(new Line(category, formatter(state, exception), values));
        }
    }
}
