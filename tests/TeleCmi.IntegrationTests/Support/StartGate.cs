namespace TeleCmi.IntegrationTests.Support;

/// <summary>
/// Sends many requests at the same moment: each waits on one gate, opened only once all are waiting, and each goes on
/// on a thread-pool thread of its own. Without the gate the first requests could be done before the last started,
/// and the race would not be tried at all.
/// </summary>
public static class StartGate
{
    /// <summary>Starts <paramref name="count"/> sends (<paramref name="send"/> gets the index), opens the gate, returns the responses in order.</summary>
    public static async Task<HttpResponseMessage[]> SendTogetherAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = 0;
        var sends = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref waiting) == count) allWaiting.SetResult();
            await gate.Task;
            return await send(i);
        })).ToArray();
        await allWaiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        gate.SetResult();
        return await Task.WhenAll(sends);
    }
}
