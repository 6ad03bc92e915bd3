using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Gateway.Support;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Foundation;

/// <summary>
/// What the service shows anonymously in Production: by default neither Swagger nor metrics; each only when the
/// operator switches it on (metrics then on a port of their own, see MetricsTests and KestrelEdgeTests).
/// </summary>
public sealed class ProductionExposureTests
{
    private TestDatabase database = null!;

    [OneTimeSetUp]
    public void CreateDatabase() => database = TestDatabase.Create(DatabaseEngine.Sqlite);

    [OneTimeTearDown]
    public Task DropDatabaseAsync() => database.DropAsync();

    [TestCase("/swagger")]
    [TestCase("/swagger/index.html")]
    [TestCase("/swagger/v1/swagger.json")]
    [TestCase("/metrics")]
    public async Task InProduction_ByDefault_SwaggerAndMetrics_Are404(string path)
    {
        await using var factory = InProduction();

        var response = await factory.CreateClient().GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task InProduction_WithSwaggerEnabled_TheUiAndTheDocumentAreServed()
    {
        await using var factory = InProduction(("Swagger:Enabled", "true"));
        using var client = factory.CreateClient();

        Assert.Multiple(async () =>
        {
            Assert.That((await client.GetAsync("/swagger/index.html")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await client.GetAsync("/swagger/v1/swagger.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task InProduction_WithoutAMetricsPort_TheStartUpLogSaysHowToTurnMetricsOn()
    {
        var logs = new CapturedLogs();
        await using var factory = InProduction(configure: b => b.ConfigureLogging(l => l.AddProvider(logs)));

        (await factory.CreateClient().GetAsync("/health/live")).EnsureSuccessStatusCode();

        Assert.That(logs.Lines, Has.Some.Contains("Metrics are off").And.Contains("Metrics:Port"));
    }

    [Test]
    public void AMetricsHostThatIsNoAddress_StopsStartUp_NamingTheSetting()
    {
        using var factory = InProduction(("Metrics:Port", "9464"), ("Metrics:Host", "prometheus.example"));

        var failure = Assert.Catch(() => factory.CreateClient());

        Assert.That(failure!.ToString(), Does.Contain("Metrics:Host"));
    }

    private TeleCmiApiFactory InProduction(params (string Key, string Value)[] settings) => InProduction(null, settings);

    private TeleCmiApiFactory InProduction(Action<IWebHostBuilder>? configure, params (string Key, string Value)[] settings) =>
        new(database, builder =>
        {
            builder.UseEnvironment("Production");
            // Production refuses the stand-in; the factory replaces the gateway anyway.
            builder.UseSetting("TeleCmi:Mode", "Live");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            configure?.Invoke(builder);
        });
}
