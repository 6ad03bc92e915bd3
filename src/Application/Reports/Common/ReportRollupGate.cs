namespace TeleCmi.Application.Reports.Common;

/// <summary>Lets one request per process at a time compute missing days; the others wait and then find them stored.</summary>
public sealed class ReportRollupGate
{
    internal SemaphoreSlim Semaphore { get; } = new(1, 1);
}
