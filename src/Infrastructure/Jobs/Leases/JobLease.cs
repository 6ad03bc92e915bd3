namespace TeleCmi.Infrastructure.Jobs.Leases;

/// <summary>A row of <c>job_leases</c>: who runs the job <see cref="Name"/> until <see cref="ExpiresAt"/> (UTC).</summary>
public sealed class JobLease
{
    /// <summary>Longest job name and holder id.</summary>
    public const int MaxNameLength = 64;
    public const int MaxHolderLength = 128;

    private JobLease() { }

    /// <summary>The job, e.g. <c>reconciliation</c>.</summary>
    public string Name { get; private set; } = string.Empty;
    /// <summary>The instance that holds the lease.</summary>
    public string Holder { get; private set; } = string.Empty;
    /// <summary>Until when; after it any instance may take the lease over.</summary>
    public DateTime ExpiresAt { get; private set; }
    /// <summary>When the current holder first took it.</summary>
    public DateTime AcquiredAt { get; private set; }
}
