using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Observability;
using TeleCmi.Domain.Common;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>
/// The real TeleCMI client (typed HttpClient behind <see cref="TeleCmiResilience"/>). The same code serves
/// Live mode and the built-in stand-in. The app secret only travels in the request body or the provider
/// URL; it is never logged, and provider messages are cleaned before they go anywhere.
/// </summary>
public sealed class TeleCmiHttpGateway(HttpClient http, IOptionsMonitor<TeleCmiOptions> options, TeleCmiMetrics metrics,
    ILogger<TeleCmiHttpGateway> logger) : ITeleCmiGateway
{
    private const string ClickToCallPath = "v2/webrtc/click2call";
    private const string PlayPath = "v2/play";
    private const string UserLoginPath = "v2/user/login";
    private const string HangUpPath = "v2/c2c/hangup";

    /// <inheritdoc />
    public async Task<ClickToCallResult> ClickToCallAsync(ClickToCallRequest request, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var started = Stopwatch.GetTimestamp();
        int? httpStatus = null;
        TeleCmiReply? reply = null;
        ClickToCallResult result;
        // HttpClient reads the body after the resilience pipeline has returned, so its timeouts do not cover it.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(o.TotalTimeoutSeconds));
        try
        {
            using var response = await http.PostAsJsonAsync(ClickToCallPath, TeleCmiClickToCallBody.From(request, o), deadline.Token);
            httpStatus = (int)response.StatusCode;
            reply = await TeleCmiReply.ReadAsync(response, deadline.Token);
            result = TeleCmiAnswers.ClickToCall(response, reply, o.AppSecret);
        }
        catch (BrokenCircuitException ex)
        {
            result = new ClickToCallResult.NotPlaced("TeleCMI calls are paused after repeated failures", ex.RetryAfter ?? TeleCmiAnswers.DefaultRetryAfter);
        }
        catch (HttpRequestException ex) when (TeleCmiResilience.NeverConnected(ex))
        {
            result = new ClickToCallResult.NotPlaced("could not connect to TeleCMI", TeleCmiAnswers.DefaultRetryAfter);
        }
        catch (HttpRequestException ex)
        {
            // The request may have been written before the connection broke: TeleCMI may have placed the call.
            result = new ClickToCallResult.Unconfirmed($"the connection to TeleCMI broke ({ex.HttpRequestError})", TeleCmiAnswers.DefaultRetryAfter);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            result = new ClickToCallResult.Unconfirmed("no answer from TeleCMI within the time limit", TeleCmiAnswers.DefaultRetryAfter);
        }

        var (outcome, level, detail) = result switch
        {
            ClickToCallResult.Accepted => ("accepted", LogLevel.Information, ""),
            ClickToCallResult.Refused r => ("refused", LogLevel.Information, r.Message),
            ClickToCallResult.NotPlaced n => ("not_placed", LogLevel.Warning, n.Reason),
            ClickToCallResult.Unconfirmed u => ("unconfirmed", LogLevel.Warning, u.Reason),
            _ => ("unknown", LogLevel.Warning, ""),
        };
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.ProviderRequest("click_to_call", outcome, elapsed);
        TeleCmiGatewayLog.ClickToCall(logger, level, "click2call", request.CallId, PhoneNumber.Mask(request.ToDigits), outcome,
            elapsed.TotalMilliseconds, httpStatus, reply?.Code, reply?.RequestId, detail);
        return result;
    }

    /// <inheritdoc />
    public async Task<RecordingResult> OpenRecordingAsync(string fileName, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var started = Stopwatch.GetTimestamp();
        var url = $"{PlayPath}?appid={Uri.EscapeDataString(o.AppId ?? "")}&secret={Uri.EscapeDataString(o.AppSecret ?? "")}&file={Uri.EscapeDataString(fileName)}";
        int? httpStatus = null;
        TeleCmiReply? reply = null;
        long? bytes = null;
        RecordingResult result;
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            httpStatus = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (TeleCmiAnswers.IsUnavailable(response.StatusCode))
                result = new RecordingResult.Unavailable($"TeleCMI answered HTTP {httpStatus}");
            else if (TeleCmiAnswers.IsErrorDocument(response, mediaType))
            {
                reply = await TeleCmiReply.ReadAsync(response, cancellationToken);
                result = Failed(reply, httpStatus.Value, o.AppSecret);
            }
            else
            {
                var audio = await RecordingDownload.ReadAsync(response, o, cancellationToken);
                bytes = audio?.Length;
                // TeleCMI has been seen to label an error document as audio: a JSON object with a code is not a recording.
                reply = audio is null ? null : RecordingDownload.AsErrorDocument(audio);
                result = audio is null ? new RecordingResult.Failed(413, $"The recording is larger than {o.MaxRecordingBytes} bytes.")
                    : reply is not null ? Failed(reply, httpStatus.Value, o.AppSecret)
                    : new RecordingResult.Audio(audio, TeleCmiAnswers.AudioMediaType(mediaType, fileName));
            }
        }
        catch (BrokenCircuitException)
        {
            result = new RecordingResult.Unavailable("TeleCMI calls are paused after repeated failures");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutRejectedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            result = new RecordingResult.Unavailable("TeleCMI could not be reached or stopped sending");
        }

        var (outcome, level, detail) = result switch
        {
            RecordingResult.Audio => ("audio", LogLevel.Information, ""),
            RecordingResult.Failed f => ("failed", LogLevel.Information, f.Message),
            RecordingResult.Unavailable u => ("unavailable", LogLevel.Warning, u.Reason),
            _ => ("unknown", LogLevel.Warning, ""),
        };
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.ProviderRequest("recording", outcome, elapsed);
        TeleCmiGatewayLog.Play(logger, level, "play", fileName, outcome, elapsed.TotalMilliseconds,
            httpStatus, reply?.Code, bytes, detail);
        return result;
    }

    /// <inheritdoc />
    public async Task<UserLoginResult> UserLoginAsync(string userId, string password, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var started = Stopwatch.GetTimestamp();
        int? httpStatus = null;
        TeleCmiReply? reply = null;
        UserLoginResult result;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(o.TotalTimeoutSeconds));
        try
        {
            using var response = await http.PostAsJsonAsync(UserLoginPath, new TeleCmiUserLoginBody(userId, password), deadline.Token);
            httpStatus = (int)response.StatusCode;
            reply = await TeleCmiReply.ReadAsync(response, deadline.Token);
            result = TeleCmiAnswers.UserLogin(response, reply, password);
        }
        catch (BrokenCircuitException ex)
        {
            result = new UserLoginResult.Unavailable("TeleCMI calls are paused after repeated failures", ex.RetryAfter ?? TeleCmiAnswers.DefaultRetryAfter);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            result = new UserLoginResult.Unavailable("TeleCMI could not be reached or did not answer in time", TeleCmiAnswers.DefaultRetryAfter);
        }

        var (outcome, level, detail) = result switch
        {
            UserLoginResult.LoggedIn => ("logged_in", LogLevel.Information, ""),
            UserLoginResult.Refused r => ("refused", LogLevel.Information, r.Message),
            UserLoginResult.Unavailable u => ("unavailable", LogLevel.Warning, u.Reason),
            _ => ("unknown", LogLevel.Warning, ""),
        };
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.ProviderRequest("user_login", outcome, elapsed);
        TeleCmiGatewayLog.UserLogin(logger, level, "user login", userId, outcome, elapsed.TotalMilliseconds, httpStatus, reply?.Code, detail);
        return result;
    }

    /// <inheritdoc />
    public async Task<HangUpResult> HangUpAsync(string userToken, string agentLegId, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var started = Stopwatch.GetTimestamp();
        int? httpStatus = null;
        TeleCmiReply? reply = null;
        HangUpResult result;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(o.TotalTimeoutSeconds));
        try
        {
            using var response = await http.PostAsJsonAsync(HangUpPath, new TeleCmiHangUpBody(userToken, agentLegId), deadline.Token);
            httpStatus = (int)response.StatusCode;
            reply = await TeleCmiReply.ReadAsync(response, deadline.Token);
            result = TeleCmiAnswers.HangUp(response, reply, userToken);
        }
        catch (BrokenCircuitException ex)
        {
            result = new HangUpResult.Unavailable("TeleCMI calls are paused after repeated failures", ex.RetryAfter ?? TeleCmiAnswers.DefaultRetryAfter);
        }
        catch (HttpRequestException ex) when (TeleCmiResilience.NeverConnected(ex))
        {
            result = new HangUpResult.Unavailable("could not connect to TeleCMI", TeleCmiAnswers.DefaultRetryAfter);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            result = new HangUpResult.Unavailable("no answer from TeleCMI within the time limit", TeleCmiAnswers.DefaultRetryAfter, MayHaveEnded: true);
        }

        var (outcome, level, detail) = result switch
        {
            HangUpResult.Accepted => ("accepted", LogLevel.Information, ""),
            HangUpResult.Refused r => ("refused", LogLevel.Information, r.Message),
            HangUpResult.Unavailable u => ("unavailable", LogLevel.Warning, u.Reason),
            _ => ("unknown", LogLevel.Warning, ""),
        };
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.ProviderRequest("hang_up", outcome, elapsed);
        TeleCmiGatewayLog.HangUp(logger, level, "hangup", agentLegId, outcome, elapsed.TotalMilliseconds, httpStatus, reply?.Code, detail);
        return result;
    }

    private static RecordingResult.Failed Failed(TeleCmiReply? reply, int httpStatus, string? secret) =>
        new(reply?.Code ?? httpStatus, ProviderText.Clean(reply?.Message, secret) ?? $"HTTP {httpStatus}");
}
