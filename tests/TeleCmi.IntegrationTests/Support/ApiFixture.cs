using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>Starts the service on a fresh database of the fixture's engine, once per fixture.</summary>
public abstract class ApiFixture(DatabaseEngine engine)
{
    protected TeleCmiApiFactory Factory { get; private set; } = null!;
    protected TestApi Api { get; private set; } = null!;
    protected DatabaseEngine Engine { get; } = engine;

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        var database = TestDatabase.Create(Engine);
        Factory = new TeleCmiApiFactory(database, ConfigureService);
        Api = new TestApi(Factory);
        using var warmUp = Factory.CreateClient();
        var ready = await warmUp.GetAsync("/health/ready");
        Assert.That((int)ready.StatusCode, Is.EqualTo(200), await ready.Content.ReadAsStringAsync());
    }

    /// <summary>Settings a fixture needs on top of the test defaults, e.g. <c>builder.UseSetting("RateLimits:SignInPerMinute", "3")</c>.</summary>
    protected virtual void ConfigureService(IWebHostBuilder builder) { }

    [SetUp]
    public void ResetGateway()
    {
        while (Factory.Gateway.Requests.TryDequeue(out _)) { }
        Factory.Gateway.Answer = _ => Task.FromResult<TeleCmi.Application.Common.Interfaces.ClickToCallResult>(
            new TeleCmi.Application.Common.Interfaces.ClickToCallResult.Accepted("req-" + Guid.NewGuid().ToString("N")[..12]));
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync()
    {
        if (Factory is null) return;
        await Factory.DisposeAsync();
        await Factory.Database.DropAsync();
    }
}
