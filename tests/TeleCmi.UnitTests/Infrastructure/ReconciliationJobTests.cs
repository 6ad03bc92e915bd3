using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using TeleCmi.Application.Calls.ReconcileCalls;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Reports.Common;
using TeleCmi.Infrastructure.Idempotency;
using TeleCmi.Infrastructure.Jobs;
using TeleCmi.Infrastructure.Jobs.Leases;

namespace TeleCmi.UnitTests.Infrastructure;

/// <summary>The reconciliation job runs the use case only while it holds the lease, and on the schedule its options say.</summary>
public sealed class ReconciliationJobTests
{
    private readonly Mock<IMediator> mediator = new();
    private readonly Mock<IJobLease> lease = new();
    private readonly JobLeaseHolder holder = new();
    private readonly ReconciliationOptions options = new() { IntervalSeconds = 60, MaxRequestsPerRun = 30, RequestSpacingMs = 500 };

    [Test]
    public async Task WithTheLease_ItReconciles()
    {
        lease.Setup(l => l.TryAcquireAsync(Reconciliation.LeaseName, holder.Id, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        mediator.Setup(m => m.Send(It.IsAny<ReconcileCallsCommand>(), It.IsAny<CancellationToken>())).ReturnsAsync(new ReconciliationRun(0, 0, 0, 0, 0));

        await Job().RunAsync(CancellationToken.None);

        mediator.Verify(m => m.Send(It.IsAny<ReconcileCallsCommand>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task WhenAnotherInstanceHoldsTheLease_ItDoesNothing()
    {
        lease.Setup(l => l.TryAcquireAsync(Reconciliation.LeaseName, holder.Id, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        await Job().RunAsync(CancellationToken.None);

        mediator.VerifyNoOtherCalls();
    }

    [Test]
    public void TheLease_OutlastsThreeIntervals_AndAWholeRun()
    {
        var duration = Reconciliation.LeaseDuration(options);

        Assert.That(duration, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(3 * 60)));
        Assert.That(duration, Is.GreaterThan(TimeSpan.FromSeconds(30 * (0.5 + 30))), "every request paced and timing out");
    }

    [TestCase("true", "7", true, 7)]
    [TestCase("false", "7", false, 0)]
    public void TheSchedule_FollowsEnabledAndIntervalSeconds(string enabled, string seconds, bool on, int interval)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reconciliation:Enabled"] = enabled,
            ["Reconciliation:IntervalSeconds"] = seconds,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName));
        services.AddOptions<ReportRollupOptions>().Bind(configuration.GetSection(ReportRollupOptions.SectionName));
        services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection(ReconciliationOptions.SectionName));
        services.AddBackgroundJobs(configuration);
        using var provider = services.BuildServiceProvider();

        var schedule = provider.GetServices<IHostedService>().OfType<PeriodicJobHost<Reconciliation>>().Single().Schedule;

        Assert.That((schedule.IsOn, schedule.Interval), Is.EqualTo((on, TimeSpan.FromSeconds(interval))));
    }

    private Reconciliation Job() =>
        new(mediator.Object, lease.Object, holder, Options.Create(options), NullLogger<Reconciliation>.Instance);
}
