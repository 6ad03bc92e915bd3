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

    /// <summary>Hang-ups asked for, as (token, agent leg id).</summary>
    public ConcurrentQueue<(string Token, string AgentLegId)> HangUps { get; } = new();

    public Task<UserLoginResult> UserLoginAsync(string userId, string password, CancellationToken cancellationToken) =>
        Task.FromResult<UserLoginResult>(new UserLoginResult.LoggedIn("token-" + userId));

    public Task<HangUpResult> HangUpAsync(string userToken, string agentLegId, CancellationToken cancellationToken)
    {
        HangUps.Enqueue((userToken, agentLegId));
        return Task.FromResult<HangUpResult>(new HangUpResult.Accepted());
    }

    public Task<RecordingResult> OpenRecordingAsync(string fileName, CancellationToken cancellationToken) =>
        Task.FromResult<RecordingResult>(new RecordingResult.Audio(new MemoryStream("RIFF-fake-audio"u8.ToArray()), "audio/wav"));
}
