using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Common;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>
/// The real TeleCMI client (typed HttpClient). The same code serves Live mode and the built-in stand-in.
/// TeleCMI reports some failures as HTTP 200 with an error <c>code</c>, so the body is always read.
/// The app secret only ever travels in the request body or the provider URL; it is never logged.
/// </summary>
public sealed class TeleCmiHttpGateway(HttpClient http, IOptionsMonitor<TeleCmiOptions> options, ILogger<TeleCmiHttpGateway> logger) : ITeleCmiGateway
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    public async Task<ClickToCallResult> ClickToCallAsync(ClickToCallRequest request, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var body = new ClickToCallBody
        {
            UserId = request.UserId,
            Secret = o.AppSecret ?? string.Empty,
            To = long.Parse(request.ToDigits, System.Globalization.CultureInfo.InvariantCulture),
            ExtraParams = new Dictionary<string, string> { ["call_id"] = request.CallId },
            WebRtc = !o.RingAgentMobile,
            FollowMe = o.RingAgentMobile,
        };
        var started = Stopwatch.GetTimestamp();
        var maskedTo = PhoneNumber.Mask(request.ToDigits);
        ClickToCallResult result;
        try
        {
            using var response = await http.PostAsJsonAsync("v2/webrtc/click2call", body, cancellationToken);
            var reply = await ReadReplyAsync(response, cancellationToken);
            result = Interpret(response.StatusCode, reply);
        }
        catch (BrokenCircuitException ex)
        {
            result = new ClickToCallResult.NotPlaced("too many recent failures, TeleCMI calls are paused", ex.RetryAfter ?? DefaultRetryAfter);
        }
        catch (HttpRequestException ex) when (IsConnectFailure(ex))
        {
            result = new ClickToCallResult.NotPlaced("could not connect to TeleCMI", DefaultRetryAfter);
        }
        catch (HttpRequestException ex)
        {
            // The request may have been written before the connection broke: TeleCMI may have placed the call.
            result = new ClickToCallResult.Unconfirmed($"connection lost ({ex.HttpRequestError})", DefaultRetryAfter);
        }
        catch (TimeoutRejectedException)
        {
            result = new ClickToCallResult.Unconfirmed("timed out waiting for TeleCMI", DefaultRetryAfter);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = new ClickToCallResult.Unconfirmed("timed out waiting for TeleCMI", DefaultRetryAfter);
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        logger.LogInformation("TeleCMI click2call for call {CallId} to {To}: {Outcome} in {ElapsedMs:F0} ms, request id {RequestId}",
            request.CallId, maskedTo, OutcomeName(result), elapsed, (result as ClickToCallResult.Accepted)?.RequestId);
        return result;
    }

    public async Task<RecordingResult> OpenRecordingAsync(string fileName, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var url = $"v2/play?appid={Uri.EscapeDataString(o.AppId ?? string.Empty)}&secret={Uri.EscapeDataString(o.AppSecret ?? string.Empty)}&file={Uri.EscapeDataString(fileName)}";
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            if (!response.IsSuccessStatusCode || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                var reply = await ReadReplyAsync(response, cancellationToken);
                logger.LogInformation("TeleCMI play for {File}: refused ({Code}) in {ElapsedMs:F0} ms", fileName, reply?.Code ?? (int)response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return new RecordingResult.Failed(reply?.Code ?? (int)response.StatusCode, reply?.Message ?? $"HTTP {(int)response.StatusCode}");
            }
            // Buffered so ranges can be served and the provider connection is not held by a slow player.
            var buffer = new MemoryStream();
            await response.Content.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            logger.LogInformation("TeleCMI play for {File}: {Bytes} bytes of {MediaType} in {ElapsedMs:F0} ms", fileName, buffer.Length, mediaType,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new RecordingResult.Audio(buffer, mediaType);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogInformation("TeleCMI play for {File}: unavailable ({Error})", fileName, ex.GetType().Name);
            return new RecordingResult.Unavailable("TeleCMI could not be reached");
        }
    }

    private static ClickToCallResult Interpret(HttpStatusCode status, ProviderReply? reply)
    {
        if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            return new ClickToCallResult.NotPlaced($"TeleCMI answered HTTP {(int)status}", DefaultRetryAfter);
        if ((int)status >= 500)
            return new ClickToCallResult.Unconfirmed($"TeleCMI answered HTTP {(int)status}", DefaultRetryAfter);
        var code = reply?.Code ?? (int)status;
        if (status == HttpStatusCode.OK && code == 200 && !string.IsNullOrEmpty(reply?.RequestId))
            return new ClickToCallResult.Accepted(reply.RequestId);
        var message = string.IsNullOrWhiteSpace(reply?.Message) ? $"HTTP {(int)status}" : Clip(reply.Message, 200);
        return new ClickToCallResult.Refused(code == 200 ? (int)status : code, message);
    }

    private static async Task<ProviderReply?> ReadReplyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (string.IsNullOrWhiteSpace(text)) return null;
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            return new ProviderReply(
                Code: root.TryGetProperty("code", out var c) && (c.ValueKind == JsonValueKind.Number ? c.TryGetInt32(out var n) : int.TryParse(c.GetString(), out n)) ? n : null,
                Message: root.TryGetProperty("msg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()
                    : root.TryGetProperty("message", out var m2) && m2.ValueKind == JsonValueKind.String ? m2.GetString() : null,
                RequestId: root.TryGetProperty("request_id", out var r) ? (r.ValueKind == JsonValueKind.String ? r.GetString() : r.GetRawText()) : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsConnectFailure(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        || ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostNotFound };

    private static string OutcomeName(ClickToCallResult result) => result switch
    {
        ClickToCallResult.Accepted => "accepted",
        ClickToCallResult.Refused r => $"refused ({r.Code})",
        ClickToCallResult.NotPlaced => "not placed",
        ClickToCallResult.Unconfirmed => "unconfirmed",
        _ => "unknown",
    };

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];

    private sealed record ProviderReply(int? Code, string? Message, string? RequestId);

    private sealed class ClickToCallBody
    {
        [JsonPropertyName("user_id")] public required string UserId { get; init; }
        [JsonPropertyName("secret")] public required string Secret { get; init; }
        [JsonPropertyName("to")] public required long To { get; init; }
        [JsonPropertyName("extra_params")] public required Dictionary<string, string> ExtraParams { get; init; }
        [JsonPropertyName("webrtc")] public required bool WebRtc { get; init; }
        [JsonPropertyName("followme")] public required bool FollowMe { get; init; }
    }
}
