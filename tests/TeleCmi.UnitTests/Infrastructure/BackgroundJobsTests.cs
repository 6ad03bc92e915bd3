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
    public void Retention_RunsDaily_FirstAtTheNextRunAtInTheBusinessTimeZone_AndIsOffWhenDisabled()
    {
        // 2026-03-13 15:00 IST is 09:30 UTC: 02:30 IST today has passed, so the first run is tomorrow 02:30 IST, 11.5 h later.
        var business = new TeleCmi.Application.Common.Time.BusinessTimeOptions();
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 13, 9, 30, 0, TimeSpan.Zero));
        var daily = RetentionJob.ScheduleFor(new TeleCmi.Application.Retention.RetentionOptions(), business, clock);
        var later = RetentionJob.ScheduleFor(new TeleCmi.Application.Retention.RetentionOptions { RunAt = "16:00" }, business, clock);
        var off = RetentionJob.ScheduleFor(new TeleCmi.Application.Retention.RetentionOptions { Enabled = false }, business, clock);

        Assert.Multiple(() =>
        {
            Assert.That(daily, Is.EqualTo(new PeriodicJobSchedule(TimeSpan.FromDays(1), TimeSpan.FromHours(11.5))));
            Assert.That(later.FirstRunAfter, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(off.IsOn, Is.False);
        });
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
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
