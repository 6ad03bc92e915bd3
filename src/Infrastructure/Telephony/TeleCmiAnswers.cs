using System.Net;
using System.Net.Http.Headers;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>
/// Turns TeleCMI's HTTP answers into gateway results. TeleCMI reports some refusals as HTTP 200 with an
/// error <c>code</c> in the body, so the body decides as much as the status line does.
/// </summary>
internal static class TeleCmiAnswers
{
    /// <summary>Used when TeleCMI gives no <c>Retry-After</c>.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(10);

    /// <summary>The result of a click-to-call answer that came back (after any retries).</summary>
    public static ClickToCallResult ClickToCall(HttpResponseMessage response, TeleCmiReply? reply, string? secret)
    {
        var status = (int)response.StatusCode;
        // An explicit "busy"/"unavailable" is TeleCMI saying it did not take the request.
        if (status is 429 or 503 || (response.IsSuccessStatusCode && reply?.Code is 429 or 503))
            return new ClickToCallResult.NotPlaced($"TeleCMI answered {(status is 429 or 503 ? $"HTTP {status}" : $"code {reply!.Code}")}",
                RetryAfter(response.Headers.RetryAfter));
        // Any other server error may have come after the call was placed.
        if (status >= 500)
            return new ClickToCallResult.Unconfirmed($"TeleCMI answered HTTP {status}", DefaultRetryAfter);
        var code = reply?.Code ?? status;
        if (response.IsSuccessStatusCode && code == 200)
            return string.IsNullOrEmpty(reply?.RequestId)
                ? new ClickToCallResult.Unconfirmed("TeleCMI answered without a request id", DefaultRetryAfter)
                : new ClickToCallResult.Accepted(reply.RequestId);
        var message = ProviderText.Clean(reply?.Message, secret) ?? $"HTTP {status}";
        return new ClickToCallResult.Refused(code == 200 ? status : code, message);
    }

    /// <summary>The result of a user login answer. The password is removed from TeleCMI's message.</summary>
    public static UserLoginResult UserLogin(HttpResponseMessage response, TeleCmiReply? reply, string password)
    {
        var status = (int)response.StatusCode;
        if (status is 429 or 503 || (response.IsSuccessStatusCode && reply?.Code is 429 or 503))
            return new UserLoginResult.Unavailable($"TeleCMI answered {(status is 429 or 503 ? $"HTTP {status}" : $"code {reply!.Code}")}",
                RetryAfter(response.Headers.RetryAfter));
        if (status >= 500) return new UserLoginResult.Unavailable($"TeleCMI answered HTTP {status}", DefaultRetryAfter);
        var code = reply?.Code ?? status;
        if (response.IsSuccessStatusCode && code == 200)
            return string.IsNullOrEmpty(reply?.Token)
                ? new UserLoginResult.Refused(502, "TeleCMI answered the login without a token")
                : new UserLoginResult.LoggedIn(reply.Token);
        return new UserLoginResult.Refused(code == 200 ? status : code, ProviderText.Clean(reply?.Message, password) ?? $"HTTP {status}");
    }

    /// <summary>
    /// The result of a hang-up answer. Unlike a click-to-call, a server error leaves the call's fate open only in the
    /// harmless direction: it may have ended. The token is removed from TeleCMI's message.
    /// </summary>
    public static HangUpResult HangUp(HttpResponseMessage response, TeleCmiReply? reply, string token)
    {
        var status = (int)response.StatusCode;
        if (status is 429 or 503 || (response.IsSuccessStatusCode && reply?.Code is 429 or 503))
            return new HangUpResult.Unavailable($"TeleCMI answered {(status is 429 or 503 ? $"HTTP {status}" : $"code {reply!.Code}")}",
                RetryAfter(response.Headers.RetryAfter));
        if (status >= 500) return new HangUpResult.Unavailable($"TeleCMI answered HTTP {status}", DefaultRetryAfter, MayHaveEnded: true);
        var code = reply?.Code ?? status;
        if (response.IsSuccessStatusCode && code == 200) return new HangUpResult.Accepted();
        return new HangUpResult.Refused(code == 200 ? status : code, ProviderText.Clean(reply?.Message, token) ?? $"HTTP {status}");
    }

    /// <summary>True when a recording answer is an error document rather than audio.</summary>
    public static bool IsErrorDocument(HttpResponseMessage response, string? mediaType) =>
        !response.IsSuccessStatusCode
        || mediaType is not null && (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase));

    /// <summary>The audio's media type: TeleCMI's when it names one, else from the file's extension.</summary>
    public static string AudioMediaType(string? mediaType, string fileName) =>
        mediaType is not null && !mediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase) ? mediaType
        : Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".wav" => "audio/wav",
            ".ogg" => "audio/ogg",
            _ => "audio/mpeg",
        };

    /// <summary>TeleCMI's <c>Retry-After</c>, kept within sane bounds.</summary>
    public static TimeSpan RetryAfter(RetryConditionHeaderValue? header)
    {
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : DefaultRetryAfter);
        return delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay > MaxRetryAfter ? MaxRetryAfter : delay;
    }

    /// <summary>True for the answers that mean "TeleCMI is unavailable" rather than "TeleCMI refused".</summary>
    public static bool IsUnavailable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;
}
