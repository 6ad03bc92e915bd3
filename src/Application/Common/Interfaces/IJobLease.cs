namespace TeleCmi.Application.Common.Interfaces;

/// <summary>
/// A named lease in the database that lets one service instance at a time run a background job (reconciliation,
/// retention...). A lease that is not renewed expires, so a crashed holder is taken over after its duration.
/// </summary>
/// <remarks>
/// Every method is one atomic conditional statement: two instances asking at once never both win. A holder id names
/// one running instance (e.g. <c>host/pid/random</c>); use the same id for acquire, renew and release.
/// </remarks>
public interface IJobLease
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for <paramref name="duration"/> when nobody holds it, it has expired, or
    /// <paramref name="holder"/> already holds it (then it is extended). False when another holder's lease is still valid.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends <paramref name="holder"/>'s lease; false when another holder has taken it over.</summary>
    Task<bool> RenewAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up at once so another instance need not wait for it to expire. Harmless when not held.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken);
}
