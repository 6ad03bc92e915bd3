namespace TeleCmi.Infrastructure.Jobs.Leases;

/// <summary>
/// This running instance's holder id for <see cref="TeleCmi.Application.Common.Interfaces.IJobLease"/> (a singleton):
/// host name, process id and a random part, so two hosts in one process (tests) are two holders.
/// </summary>
public sealed class JobLeaseHolder
{
    /// <summary>The id, at most <see cref="JobLease.MaxHolderLength"/> characters.</summary>
    public string Id { get; } = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    private static string Truncate(string id) => id.Length <= JobLease.MaxHolderLength ? id : id[^JobLease.MaxHolderLength..];
}
