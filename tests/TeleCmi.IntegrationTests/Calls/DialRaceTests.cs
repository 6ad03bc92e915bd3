using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>One dial per intent and an exact daily cap, under parallel taps on one service instance.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class DialRaceTests(DatabaseEngine engine) : ApiFixture(engine)
{
    protected override void ConfigureService(IWebHostBuilder builder) =>
        builder.UseSetting("Calls:DailyTeleCmiCallCap", DialRace.Cap.ToString());

    [Test]
    public Task ThirtyParallelTapsOnOneDriver_ReachTeleCmiOnce_AndTheOthersAre409NamingTheLiveCall() =>
        DialRace.ParallelTapsOnOneDriverDialOnceAsync(Api, [Factory], agent => [agent]);

    [Test]
    public Task ThirtyTwoParallelTapsOnThirtyTwoDrivers_WithACapOfFive_DialExactlyFive_AndTheRestAre429() =>
        DialRace.ParallelTapsOnManyDriversDialExactlyTheCapAsync(Api, [Factory], agent => [agent]);
}
