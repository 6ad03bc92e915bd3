namespace TeleCmi.IntegrationTests.Gateway.Support;

/// <summary>Sits below the resilience handler, so it sees every attempt, including ones that never connect.</summary>
public sealed class AttemptCounter : DelegatingHandler
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        return base.SendAsync(request, cancellationToken);
    }
}
