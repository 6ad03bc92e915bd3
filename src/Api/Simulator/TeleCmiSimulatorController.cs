using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace TeleCmi.Api.Simulator;

/// <summary>
/// The built-in TeleCMI stand-in (TeleCmi:Mode=Simulated only; 404 in Live mode). The service's own gateway
/// calls it over HTTP exactly as it calls TeleCMI; it then posts TeleCMI-style webhooks back to the service.
/// </summary>
[ApiController]
[SimulatorOnly]
[Route("simulator/telecmi/v2")]
[Tags("TeleCMI stand-in (Simulated mode)")]
public sealed class TeleCmiSimulatorController(
    SimulatedTeleCmi teleCmi, SimulatorCallQueue calls, SimulatorRecordings recordings, IOptionsMonitor<TeleCmiSimulatorOptions> options,
    IHostApplicationLifetime lifetime) : ControllerBase
{
    /// <summary>TeleCMI's click-to-call (admin): rings the user, then the number in <c>to</c>.</summary>
    /// <remarks>
    /// Called by the service's gateway; you normally use <c>POST /api/calls</c> instead. Body as TeleCMI documents it:
    /// <c>{"user_id":"5003_1111112","secret":"…","to":919876543210,"extra_params":{"call_id":"…"},"webrtc":false,"followme":true}</c>.
    /// The last four digits of <c>to</c> pick what happens (pass <c>phone</c> in <c>POST /api/calls</c>, e.g. <c>+919876500001</c>):
    ///
    /// | number ends in | scenario |
    /// |---|---|
    /// | `0001` | driver does not answer: b-leg CDR `missed` (`recv_cancel`) → call `missed`, `missedBy: driver` |
    /// | `0002` | agent does not answer: a-leg CDR `missed`, no b-leg → call `missed`, `missedBy: agent` |
    /// | `0003` | TeleCMI refuses: HTTP 200 with `{"code":404,"msg":"Invalid number"}` → 502, call `failed` |
    /// | `0004` | TeleCMI answers only after the per-attempt timeout (+2 s) → 504, call `failed` "may still have been placed"; the call does go ahead and its webhooks complete it moments later |
    /// | `0005` | TeleCMI is down: HTTP 503 (`Retry-After: 10`) every time → 503; repeat to open the circuit breaker, then 503 at once without calling TeleCMI |
    /// | `0006` | answered, but webhooks come early (one before the click2call answer), twice and out of order → still `completed` |
    /// | anything else | both answer and talk 20-240 s → `completed` with `durationSeconds` and a playable recording |
    ///
    /// Webhooks follow every `TeleCmi:Simulator:EventSpacingMs` (default 1500): a-leg started, a-leg answered,
    /// b-leg started, b-leg answered, a-leg CDR, b-leg CDR (with the recording's file name).
    /// </remarks>
    /// <response code="200">TeleCMI's answer: <c>code</c> 200 with a <c>request_id</c>, or an error <c>code</c> (0003).</response>
    /// <response code="400">A required field is missing.</response>
    /// <response code="404">Wrong user id or secret, or an invalid number.</response>
    /// <response code="503">TeleCMI unavailable (0005).</response>
    [HttpPost("webrtc/click2call")]
    [Consumes("application/json")]
    [Produces("application/json")]
    [ProducesResponseType<SimulatorReply>(StatusCodes.Status200OK)]
    [ProducesResponseType<SimulatorReply>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<SimulatorReply>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<SimulatorReply>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> ClickToCall([FromBody] JsonElement body)
    {
        var answer = teleCmi.ClickToCall(body);
        var delay = answer.Delay + TimeSpan.FromMilliseconds(options.CurrentValue.ClickToCallLatencyMs);
        // Not the request's token: TeleCMI goes on with the call when the client stops waiting.
        if (delay > TimeSpan.Zero && !await DelayAsync(delay))
            return Reply(503, new SimulatorReply(503, "Shutting down"));
        if (answer.Call is not null && !calls.TryEnqueue(answer.Call))
            return Reply(503, new SimulatorReply(503, "Too many calls in progress"));
        if (answer.RetryAfter is { } retryAfter)
            Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Reply(answer.Status, answer.Reply);
    }

    /// <summary>TeleCMI's recording playback: a 2-second generated tone (audio/wav) for recordings the stand-in issued.</summary>
    /// <param name="appid">The app id.</param>
    /// <param name="secret">The app secret (TeleCMI puts it in the query string; the service never hands this URL out).</param>
    /// <param name="file">The file name from a CDR's <c>filename</c>.</param>
    /// <response code="200">The audio, or TeleCMI's JSON error <c>{"code":407,"msg":"File not found"}</c> for an unknown file.</response>
    /// <response code="404">Wrong app id or secret (JSON).</response>
    [HttpGet("play")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "audio/wav")]
    [ProducesResponseType<SimulatorReply>(StatusCodes.Status404NotFound, "application/json")]
    public IActionResult Play([FromQuery] string? appid, [FromQuery] string? secret, [FromQuery] string? file)
    {
        if (!teleCmi.Authenticates(appid, secret)) return Reply(404, new SimulatorReply(404, "Invalid app id or secret"));
        if (!recordings.Has(file)) return Reply(200, new SimulatorReply(407, "File not found"));
        return File(recordings.Audio, "audio/wav");
    }

    private async Task<bool> DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, lifetime.ApplicationStopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // A JsonResult, not content negotiation: TeleCMI answers JSON whatever the client asks for.
    private static JsonResult Reply(int status, SimulatorReply reply) => new(reply) { StatusCode = status, ContentType = "application/json" };
}
