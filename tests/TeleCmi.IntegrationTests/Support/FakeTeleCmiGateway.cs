using System.Collections.Concurrent;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>Stands in for the TeleCMI port: records every request and answers as told.</summary>
public sealed class FakeTeleCmiGateway : ITeleCmiGateway
{
    public ConcurrentQueue<ClickToCallRequest> Requests { get; } = new();

    /// <summary>How to answer the next click-to-call requests; by default TeleCMI accepts.</summary>
    public Func<ClickToCallRequest, Task<ClickToCallResult>> Answer { get; set; } =
        _ => Task.FromResult<ClickToCallResult>(new ClickToCallResult.Accepted("req-" + Guid.NewGuid().ToString("N")[..12]));

    public Task<ClickToCallResult> ClickToCallAsync(ClickToCallRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Answer(request);
    }

    public Task<RecordingResult> OpenRecordingAsync(string fileName, CancellationToken cancellationToken) =>
        Task.FromResult<RecordingResult>(new RecordingResult.Audio(new MemoryStream("RIFF-fake-audio"u8.ToArray()), "audio/wav"));
}
