using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Observability;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>
/// TeleCMI's app-wide call records over the gateway's HttpClient (the same resilience pipeline: retries of 429/503 and
/// connection failures, circuit breaker, timeouts). HTTP 200 with an error <c>code</c> is a failure, like any other status.
/// </summary>
public sealed class TeleCmiCallRecordsClient(HttpClient http, IOptionsMonitor<TeleCmiOptions> options, TeleCmiMetrics metrics,
    ILogger<TeleCmiCallRecordsClient> logger) : ITeleCmiCallRecords
{
    private const string AnsweredPath = "v2/out_answered";
    private const string MissedPath = "v2/out_missed";

    public async Task<CallRecordsPage> ListAsync(CallRecordKind kind, DateTime fromUtc, DateTime toUtc, int page, int limit, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var started = Stopwatch.GetTimestamp();
        int? httpStatus = null;
        CallRecordsPage result;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(o.TotalTimeoutSeconds));
        try
        {
            var path = kind == CallRecordKind.Answered ? AnsweredPath : MissedPath;
            using var response = await http.PostAsJsonAsync(path, TeleCmiCallRecordsBody.From(o, fromUtc, toUtc, page, limit), deadline.Token);
            httpStatus = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(deadline.Token);
            var reply = TeleCmiReply.Parse(text);
            if (TeleCmiAnswers.IsUnavailable(response.StatusCode) || reply?.Code is 429 or 503)
                result = new CallRecordsPage.Failed($"TeleCMI answered {(httpStatus is 429 or 503 ? $"HTTP {httpStatus}" : $"code {reply!.Code}")}",
                    TeleCmiAnswers.RetryAfter(response.Headers.RetryAfter), RateLimited: httpStatus == 429 || reply?.Code == 429);
            else if (!response.IsSuccessStatusCode)
                result = new CallRecordsPage.Failed($"TeleCMI answered HTTP {httpStatus}", TeleCmiAnswers.DefaultRetryAfter);
            else if (TeleCmiCallRecordsReply.Parse(text, kind) is { } found)
                result = new CallRecordsPage.Found(found.Total, found.Records);
            else
                result = new CallRecordsPage.Failed(reply?.Code is { } code
                    ? $"TeleCMI answered code {code}: {ProviderText.Clean(reply.Message, o.AppSecret)}" : "TeleCMI's answer was not a record list",
                    TeleCmiAnswers.DefaultRetryAfter);
        }
        catch (BrokenCircuitException ex)
        {
            result = new CallRecordsPage.Failed("TeleCMI calls are paused after repeated failures", ex.RetryAfter ?? TeleCmiAnswers.DefaultRetryAfter);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or System.Text.Json.JsonException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            result = new CallRecordsPage.Failed("TeleCMI could not be reached or did not answer in time", TeleCmiAnswers.DefaultRetryAfter);
        }

        var outcome = result switch
        {
            CallRecordsPage.Found => "ok",
            CallRecordsPage.Failed { RateLimited: true } => "rate_limited",
            _ => "failed",
        };
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.ProviderRequest("call_records", outcome, elapsed);
        logger.Log(outcome == "ok" ? LogLevel.Debug : LogLevel.Warning,
            "TeleCMI {Operation} page {Page}: {Outcome} in {ElapsedMs:0} ms (HTTP {HttpStatus}){Detail}",
            kind == CallRecordKind.Answered ? "out_answered" : "out_missed", page, outcome, elapsed.TotalMilliseconds, httpStatus,
            result is CallRecordsPage.Failed f ? ": " + f.Reason : "");
        return result;
    }
}
