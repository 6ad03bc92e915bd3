using NUnit.Framework;
using Microsoft.AspNetCore.Hosting;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// The same races with the taps split between TWO service instances (two hosts, two connection pools) on one MariaDB
/// database: what holds them is the database, not anything inside one process.
/// </summary>
[TestFixture, Category("MySql")]
public sealed class TwoInstanceDialRaceTests
{
    private TeleCmiApiFactory first = null!;
    private TeleCmiApiFactory second = null!;
    private TestApi api = null!;

    [OneTimeSetUp]
    public async Task StartTwoInstancesAsync()
    {
        var database = TestDatabase.Create(DatabaseEngine.MySql);
        // One after the other: the first applies the migrations and seeds the admin, the second finds them done.
        first = await StartAsync(new TeleCmiApiFactory(database, Capped));
        second = await StartAsync(new TeleCmiApiFactory(database, Capped));
        api = new TestApi(first);
    }

    [SetUp]
    public void ResetGateways()
    {
        foreach (var factory in new[] { first, second })
            while (factory.Gateway.Requests.TryDequeue(out _)) { }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (second is not null) await second.DisposeAsync();
        if (first is null) return;
        await first.DisposeAsync();
        await first.Database.DropAsync();
    }

    [Test]
    public Task ThirtyParallelTapsOnOneDriver_SplitOverTwoInstances_ReachTeleCmiOnce_AndTheOthersAre409NamingTheLiveCall() =>
        DialRace.ParallelTapsOnOneDriverDialOnceAsync(api, [first, second], BothInstances);

    [Test]
    public Task ThirtyTwoParallelTapsOnThirtyTwoDrivers_SplitOverTwoInstances_WithACapOfFive_DialExactlyFive() =>
        DialRace.ParallelTapsOnManyDriversDialExactlyTheCapAsync(api, [first, second], BothInstances);

    private static void Capped(IWebHostBuilder builder) => builder.UseSetting("Calls:DailyTeleCmiCallCap", DialRace.Cap.ToString());

    /// <summary>The agent's client (on the first instance) and one on the second with the same token.</summary>
    private HttpClient[] BothInstances(HttpClient agent)
    {
        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = agent.DefaultRequestHeaders.Authorization;
        return [agent, onSecond];
    }

    private static async Task<TeleCmiApiFactory> StartAsync(TeleCmiApiFactory factory)
    {
        using var client = factory.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        Assert.That((int)ready.StatusCode, Is.EqualTo(200), await ready.Content.ReadAsStringAsync());
        return factory;
    }
}
