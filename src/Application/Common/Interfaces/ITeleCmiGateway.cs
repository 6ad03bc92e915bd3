namespace TeleCmi.Application.Common.Interfaces;

/// <summary>The port to TeleCMI. Implemented by the HTTP gateway in Infrastructure.</summary>
public interface ITeleCmiGateway
{
    /// <summary>Asks TeleCMI to ring the agent and bridge to <see cref="ClickToCallRequest.ToDigits"/>.</summary>
    Task<ClickToCallResult> ClickToCallAsync(ClickToCallRequest request, CancellationToken cancellationToken);

    /// <summary>Fetches a recording. The audio stream is seekable (range requests are served from it); the caller disposes it.</summary>
    Task<RecordingResult> OpenRecordingAsync(string fileName, CancellationToken cancellationToken);

    /// <summary>TeleCMI's user login (<c>POST /v2/user/login</c>): a user token for <paramref name="userId"/>.</summary>
    Task<UserLoginResult> UserLoginAsync(string userId, string password, CancellationToken cancellationToken);

    /// <summary>Asks TeleCMI to end a live click-to-call (<c>POST /v2/c2c/hangup</c>) by its agent leg's <c>cmiuuid</c>.</summary>
    Task<HangUpResult> HangUpAsync(string userToken, string agentLegId, CancellationToken cancellationToken);
}

/// <summary>The outcome of a TeleCMI user login.</summary>
public abstract record UserLoginResult
{
    /// <summary>TeleCMI gave a user token (valid for 30 days, or until TeleCMI refuses it).</summary>
    public sealed record LoggedIn(string Token) : UserLoginResult;

    /// <summary>TeleCMI refused the user id or password.</summary>
    public sealed record Refused(int Code, string Message) : UserLoginResult;

    /// <summary>TeleCMI could not be reached, said it is unavailable, or did not answer in time.</summary>
    public sealed record Unavailable(string Reason, TimeSpan RetryAfter) : UserLoginResult;
}

/// <summary>The outcome of a hang-up request.</summary>
public abstract record HangUpResult
{
    /// <summary>TeleCMI accepted: it ends the call, and its webhooks will say how the call ended.</summary>
    public sealed record Accepted : HangUpResult;

    /// <summary>
    /// TeleCMI refused: the token failed, or it knows no live call with that <c>cmiuuid</c> (its one answer, 404, for
    /// both), or the user's login was refused.
    /// </summary>
    public sealed record Refused(int Code, string Message, bool LoginRefused = false) : HangUpResult;

    /// <summary>TeleCMI could not be reached or did not answer; with <paramref name="MayHaveEnded"/> the request was sent.</summary>
    public sealed record Unavailable(string Reason, TimeSpan RetryAfter, bool MayHaveEnded = false) : HangUpResult;
}

/// <param name="UserId">TeleCMI user whose phone rings first.</param>
/// <param name="ToDigits">Number to bridge to: digits with country code, no plus.</param>
/// <param name="CallId">Our call id, echoed back in webhooks through <c>extra_params</c>.</param>
public sealed record ClickToCallRequest(string UserId, string ToDigits, string CallId);

/// <summary>The outcome of a click-to-call request.</summary>
public abstract record ClickToCallResult
{
    /// <summary>TeleCMI accepted and gave a request id.</summary>
    public sealed record Accepted(string RequestId) : ClickToCallResult;

    /// <summary>TeleCMI refused (HTTP error or an error <c>code</c> in the body). No call was placed.</summary>
    public sealed record Refused(int Code, string Message) : ClickToCallResult;

    /// <summary>The request never reached TeleCMI or TeleCMI said it is unavailable; no call was placed.</summary>
    public sealed record NotPlaced(string Reason, TimeSpan RetryAfter) : ClickToCallResult;

    /// <summary>The request was sent but no answer came back: the call may still have been placed.</summary>
    public sealed record Unconfirmed(string Reason, TimeSpan RetryAfter) : ClickToCallResult;
}

/// <summary>A recording stream or the reason there is none.</summary>
public abstract record RecordingResult
{
    /// <summary>Audio bytes in a seekable stream, with their media type (e.g. <c>audio/mpeg</c>).</summary>
    public sealed record Audio(Stream Content, string ContentType) : RecordingResult;

    /// <summary>TeleCMI answered with an error instead of audio.</summary>
    public sealed record Failed(int Code, string Message) : RecordingResult;

    /// <summary>TeleCMI could not be reached.</summary>
    public sealed record Unavailable(string Reason) : RecordingResult;
}
