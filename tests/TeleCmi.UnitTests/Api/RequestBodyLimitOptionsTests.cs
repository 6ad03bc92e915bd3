using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeleCmi.Api.Infrastructure;

namespace TeleCmi.UnitTests.Api;

/// <summary>Kestrel's body limit comes from the validated <see cref="RequestLimitsOptions"/>, not from a raw key.</summary>
public sealed class RequestBodyLimitOptionsTests
{
    [Test]
    public void Kestrel_TakesItsLimitFromLimitsMaxRequestBodyBytes()
    {
        using var provider = Services(new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "2048" });

        Assert.That(provider.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize, Is.EqualTo(2048));
    }

    [Test]
    public void WithoutTheSetting_KestrelAllows64Kilobytes()
    {
        using var provider = Services(new Dictionary<string, string?>());

        Assert.That(provider.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize, Is.EqualTo(64 * 1024));
    }

    [Test]
    public void ANegativeLimit_FailsValidationNamingTheSetting()
    {
        using var provider = Services(new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "-1" });

        var error = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<KestrelServerOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("Limits:MaxRequestBodyBytes"));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddRequestBodyLimit(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
