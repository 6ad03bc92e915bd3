using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using TeleCmi.Api.Infrastructure.Observability;

namespace TeleCmi.UnitTests.Api;

/// <summary>JSON console logs by default everywhere but Development; <c>Logging:Json</c> decides when set.</summary>
public sealed class JsonLoggingSwitchTests
{
    [TestCase("Development", null, false)]
    [TestCase("Production", null, true)]
    [TestCase("Staging", null, true)]
    [TestCase("Development", "true", true)]
    [TestCase("Production", "false", false)]
    public void UsesJsonConsole(string environment, string? setting, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ObservabilitySetup.JsonLoggingSetting] = setting }).Build();

        Assert.That(ObservabilitySetup.UsesJsonConsole(configuration, new Environment(environment)), Is.EqualTo(expected));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "TeleCmi.Api";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
