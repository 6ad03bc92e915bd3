namespace TeleCmi.Infrastructure.Jobs;

/// <summary>
/// The work of a background job, run by <see cref="PeriodicJobHost{TJob}"/> on its <see cref="PeriodicJobSchedule"/>.
/// Resolved from a fresh DI scope for every run, so it may take scoped services (a DbContext, the mediator).
/// </summary>
public interface IPeriodicJob
{
    /// <summary>Does the work once. A failure is logged as one warning and the next run tries again.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
