using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Operations;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Reports;

/// <summary>
/// Reports are counted by the database: the SQL a report sends groups rows and bounds them by a CreatedAt range
/// (which the covering IX_call_logs_Reports and the (AgentId, CreatedAt, Id) indexes serve); it never reads call rows into the service.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class ReportQueryShapeTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private readonly ScopeCapturingLogs logs = new();

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        builder.ConfigureLogging(l => l.AddProvider(logs).AddFilter<ScopeCapturingLogs>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information));
    }

    [TestCase("/api/reports/daily?from=2025-06-01&to=2026-11-30", 1)]
    [TestCase("/api/reports/agents?from=2025-06-01&to=2026-11-30", 1)]
    public async Task AReport_IsGroupedQueriesOverACreatedAtRange(string url, int groupedQueries)
    {
        var (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        var before = logs.Lines.Count;

        Assert.That((await supervisor.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var callQueries = logs.Lines.Skip(before).Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command")
            .Select(l => l.Message).Where(sql => sql.Contains("call_logs", StringComparison.Ordinal)).ToList();
        Assert.That(callQueries, Has.Count.EqualTo(groupedQueries), string.Join("\n---\n", callQueries));
        Assert.That(callQueries, Has.All.Contains("GROUP BY"));
        Assert.That(callQueries, Has.All.Contains("CreatedAt` >=").Or.Contains("CreatedAt\" >="));
        Assert.That(callQueries, Has.All.Contains("COUNT(*)"));
    }
}
