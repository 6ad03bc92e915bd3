using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Operations;

/// <summary>
/// The console log format chosen by configuration (<c>Logging:Json</c>, JSON by default outside Development), and the shape
/// of a JSON line as the service configures it. About hosting, not the database: SQLite only.
/// </summary>
public sealed class JsonLogsTests
{
    [Test]
    public async Task OutsideDevelopment_TheConsoleWritesJsonLines_WithScopes()
    {
        await using var service = Start();

        var console = service.Factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = service.Factory.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.That(console.FormatterName, Is.EqualTo(ConsoleFormatterNames.Json));
        Assert.That(json.IncludeScopes, Is.True);
        Assert.That(json.UseUtcTimestamp, Is.True);
    }

    [Test]
    public async Task LoggingJsonFalse_KeepsTheReadableConsole()
    {
        await using var service = Start(b => b.UseSetting("Logging:Json", "false"));

        var console = service.Factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.That(console.FormatterName, Is.Not.EqualTo(ConsoleFormatterNames.Json));
    }

    [Test]
    public async Task AJsonLine_IsOneObject_WithTheCorrelationIdScope_AndAReadableMaskedNumber()
    {
        await using var service = Start();
        var formatter = service.Factory.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(new List<KeyValuePair<string, object?>> { new("CorrelationId", "abc123") });
        var state = new List<KeyValuePair<string, object?>> { new("To", "+91******3210"), new("{OriginalFormat}", "Dialled {To}") };
        using var output = new StringWriter();

        formatter.Write(new LogEntry<List<KeyValuePair<string, object?>>>(LogLevel.Information, "TeleCmi.Test", new EventId(1), state, null,
            (_, _) => "Dialled +91******3210"), scopes, output);

        var text = output.ToString().Trim();
        Assert.That(text.Split('\n'), Has.Length.EqualTo(1), "one line per entry");
        using var line = JsonDocument.Parse(text[text.IndexOf('{')..]);
        var root = line.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("LogLevel").GetString(), Is.EqualTo("Information"));
            Assert.That(root.GetProperty("Category").GetString(), Is.EqualTo("TeleCmi.Test"));
            Assert.That(root.GetProperty("Message").GetString(), Is.EqualTo("Dialled +91******3210"));
            Assert.That(root.GetProperty("State").GetProperty("To").GetString(), Is.EqualTo("+91******3210"));
            Assert.That(root.GetProperty("Scopes").EnumerateArray().Any(s => s.TryGetProperty("CorrelationId", out var id) && id.GetString() == "abc123"), Is.True);
            Assert.That(text, Does.Contain("+91******3210"), "the plus sign is not escaped");
            Assert.That(root.GetProperty("Timestamp").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"), "ISO 8601, UTC");
        });
    }

    private static RunningService Start(Action<IWebHostBuilder>? configure = null)
    {
        var database = TestDatabase.Create(DatabaseEngine.Sqlite);
        var factory = new TeleCmiApiFactory(database, configure);
        return new RunningService(factory, database);
    }

    private sealed record RunningService(TeleCmiApiFactory Factory, TestDatabase Database) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Database.DropAsync();
        }
    }
}
