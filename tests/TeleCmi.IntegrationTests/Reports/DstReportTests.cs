using System.Net;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;
using static TeleCmi.IntegrationTests.Reports.ReportData;

namespace TeleCmi.IntegrationTests.Reports;

/// <summary>
/// A business time zone with daylight saving (Reporting:TimeZone=America/New_York; DST starts 2026-03-08 02:00,
/// clocks go from -05:00 to -04:00): each call falls on its local day on both sides of the switch.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class DstReportTests(DatabaseEngine engine) : ApiFixture(engine)
{
    protected override void ConfigureService(IWebHostBuilder builder) => builder.UseSetting("Reporting:TimeZone", "America/New_York");

    [Test]
    public async Task Daily_AroundASpringForwardDay()
    {
        var (_, agent) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driver = Driver(await Api.NewDriverAsync("9876588888", "Harpreet Singh"), "Harpreet Singh", "9876588888");
        DateTimeOffset Local(string text, int offsetHours) => DateTimeOffset.Parse($"{text}{offsetHours:+00;-00}:00");
        await SaveAsync(Factory,
            Completed(agent, driver, Local("2026-03-07T23:30:00", -5), 10),  // Sat 7th
            Completed(agent, driver, Local("2026-03-08T01:30:00", -5), 20),  // Sun 8th, before the switch
            Completed(agent, driver, Local("2026-03-08T03:30:00", -4), 30),  // Sun 8th, after the switch
            Completed(agent, driver, Local("2026-03-08T23:30:00", -4), 40),  // Sun 8th, late
            Completed(agent, driver, Local("2026-03-09T00:30:00", -4), 50)); // Mon 9th: 04:30 UTC, would be the 8th at -05:00

        var supervisor = (await Api.NewAgentAsync("supervisor", teleCmi: false)).Client;
        var report = await TestApi.ReadAsync(await supervisor.GetAsync($"/api/reports/daily?from=2026-03-07&to=2026-03-09&agentId={agent}"), HttpStatusCode.OK);

        Assert.That(report["timeZone"]!.GetValue<string>(), Is.EqualTo("America/New_York"));
        var talk = report["days"]!.AsArray().Select(d => (d!["date"]!.GetValue<string>(), d["figures"]!["talkSeconds"]!.GetValue<long>()));
        Assert.That(talk, Is.EqualTo(new[] { ("2026-03-07", 10L), ("2026-03-08", 90L), ("2026-03-09", 50L) }));
    }
}
