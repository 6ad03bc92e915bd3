using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Reports.Common;
using TeleCmi.Infrastructure.Idempotency;
using TeleCmi.Infrastructure.Jobs;

namespace TeleCmi.UnitTests.Infrastructure;

/// <summary>The three jobs and the schedules they read from their options.</summary>
public sealed class BackgroundJobsTests
{
    [Test]
    public void ByDefault_SweepEveryMinute_PurgeEveryHour_RollupFiveSecondsAfterStartThenEveryTenMinutes()
    {
        using var provider = Services(new Dictionary<string, string?>());

        Assert.Multiple(() =>
        {
            Assert.That(Schedule<StaleCallSweep>(provider), Is.EqualTo(PeriodicJobSchedule.Every(TimeSpan.FromSeconds(60))));
            Assert.That(Schedule<IdempotencyKeyPurge>(provider), Is.EqualTo(PeriodicJobSchedule.Every(TimeSpan.FromMinutes(60))));
            Assert.That(Schedule<ReportRollupRefresh>(provider), Is.EqualTo(new PeriodicJobSchedule(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5))));
        });
    }

    [Test]
    public void Schedules_FollowTheirSettings()
    {
        using var provider = Services(new Dictionary<string, string?>
        {
            ["Calls:SweepIntervalSeconds"] = "1",
            ["Idempotency:PurgeIntervalMinutes"] = "5",
            ["Reports:Rollup:RefreshMinutes"] = "30",
        });

        Assert.Multiple(() =>
        {
            Assert.That(Schedule<StaleCallSweep>(provider).Interval, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(Schedule<IdempotencyKeyPurge>(provider).Interval, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(Schedule<ReportRollupRefresh>(provider).Interval, Is.EqualTo(TimeSpan.FromMinutes(30)));
        });
    }

    [TestCase("Reports:Rollup:RefreshMinutes", "0")]
    [TestCase("Reports:Rollup:Enabled", "false")]
    public void RollupRefresh_IsOff_WhenZeroMinutesOrTheRollupIsOff(string setting, string value)
    {
        using var provider = Services(new Dictionary<string, string?> { [setting] = value });

        Assert.That(Schedule<ReportRollupRefresh>(provider).IsOn, Is.False);
    }

    [Test]
    public void AZeroSweepInterval_FailsValidationNamingTheSetting()
    {
        using var provider = Services(new Dictionary<string, string?> { ["Calls:SweepIntervalSeconds"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<StaleCallSweepOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("Calls:SweepIntervalSeconds"));
    }

    private static PeriodicJobSchedule Schedule<TJob>(IServiceProvider provider) where TJob : IPeriodicJob =>
        provider.GetServices<IHostedService>().OfType<PeriodicJobHost<TJob>>().Single().Schedule;

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName));
        services.AddOptions<ReportRollupOptions>().Bind(configuration.GetSection(ReportRollupOptions.SectionName));
        services.AddBackgroundJobs(configuration);
        return services.BuildServiceProvider();
    }
}
