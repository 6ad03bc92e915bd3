using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Operations;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// The call list names its shape with a neutral tag (Application) and the persistence layer turns it into the index hint
/// (Infrastructure): on MySQL/MariaDB the SQL that reaches the server forces the index; SQLite gets the tag as a comment only.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class CallListIndexHintTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private readonly ScopeCapturingLogs logs = new();

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        builder.ConfigureLogging(l => l.AddProvider(logs).AddFilter<ScopeCapturingLogs>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information));
    }

    [Test]
    public async Task AllAgentsCallsOfOneStatusInATimeRange_ReachTheServerWithTheIndexHint_OnMySqlOnly()
    {
        var (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        var before = logs.Lines.Count;

        var response = await supervisor.GetAsync("/api/calls?status=missed&from=2026-02-01T00:00:00Z&to=2026-02-02T00:00:00Z&limit=5");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var listQueries = logs.Lines.Skip(before).Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command")
            .Select(l => l.Message).Where(sql => sql.Contains("call_logs", StringComparison.Ordinal)).ToList();
        Assert.That(listQueries, Has.Count.EqualTo(2), "the count and the page");
        Assert.That(listQueries, Has.All.Contains("-- telecmi:shape calls-of-one-status-in-a-time-range"));
        if (Engine == DatabaseEngine.MySql)
            Assert.That(listQueries, Has.All.Contains("FORCE INDEX (`IX_call_logs_Status_CreatedAt_Id`)"));
        else
            Assert.That(listQueries, Has.None.Contains("FORCE INDEX"));
    }

    [Test]
    public async Task OneAgentsCalls_CarryNoHint()
    {
        var (telecaller, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var before = logs.Lines.Count;

        var response = await telecaller.GetAsync("/api/calls?status=missed&from=2026-02-01T00:00:00Z&limit=5");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var listQueries = logs.Lines.Skip(before).Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command")
            .Select(l => l.Message).Where(sql => sql.Contains("call_logs", StringComparison.Ordinal)).ToList();
        Assert.That(listQueries, Is.Not.Empty);
        Assert.That(listQueries, Has.None.Contains("telecmi:shape").And.None.Contains("FORCE INDEX"));
    }
}
