using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TeleCmi.Api.Contracts;
using TeleCmi.Api.Export;
using TeleCmi.Api.Infrastructure;
using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Audit.GetCallHistory;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Calls.ExportCallLogs;
using TeleCmi.Application.Calls.GetCallLog;
using TeleCmi.Application.Calls.GetCallLogs;
using TeleCmi.Application.Calls.GetRecording;
using TeleCmi.Application.Calls.HangUpCall;
using TeleCmi.Application.Calls.InitiateCall;
using TeleCmi.Application.Calls.LogManualCall;
using TeleCmi.Application.Calls.UpdateFeedback;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Api.Controllers;

/// <summary>Calls: place them through TeleCMI, log manual ones, record outcomes, list them.</summary>
[ApiController]
[Authorize]
[Route("api/calls")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
public sealed class CallsController(IMediator mediator) : ControllerBase
{
    /// <summary>Calls a driver through TeleCMI: your phone rings first, then the driver's (InitiateCall).</summary>
    /// <remarks>
    /// The caller is always the signed-in agent. The call log is stored before TeleCMI is asked, and its
    /// status then follows TeleCMI's webhooks: initiated, ringing, answered, completed (or missed/failed).
    /// With the built-in TeleCMI stand-in, the dialled number picks a scenario (see the README).
    /// </remarks>
    /// <response code="201">TeleCMI accepted; the call log with status <c>initiated</c>.</response>
    /// <response code="403">Your account may not place TeleCMI calls.</response>
    /// <response code="404">No such driver.</response>
    /// <response code="409">You are already calling this driver.</response>
    /// <response code="502">TeleCMI refused; the call log is <c>failed</c> with TeleCMI's reason.</response>
    /// <response code="503">TeleCMI unavailable; no call was placed. The attempt is kept as <c>not_placed</c> (not a failed call, not
    /// counted against the daily cap, not in the reports' calls); <c>callId</c> names it. See <c>Retry-After</c>.</response>
    /// <response code="504">TeleCMI did not answer in time; the call may still have been placed.</response>
    /// <response code="422">The number (or, without <c>phone</c>, the driver's number on record) is not an allowed destination:
    /// another country than <c>Calls:AllowedCountries</c>, or a premium-rate, shared-cost, toll-free, UAN, VoIP, personal,
    /// pager, satellite or emergency number, or the driver's number was erased (<c>POST /api/drivers/{id}/erase</c>)
    /// (<c>errors.phone</c>). Or the driver is marked do-not-call (<c>errors.driverId</c> names the reason). Or it is outside
    /// the calling hours (<c>Compliance:CallingHours</c>, see <c>GET /api/policy</c>): <c>nextAllowedAt</c> says when calls
    /// are allowed again. In each case nothing is stored and nothing is sent to TeleCMI. Or the <c>Idempotency-Key</c> was
    /// already used with a different body.</response>
    /// <response code="429">Too many calls this minute, or today's cap is reached. See <c>Retry-After</c>.</response>
    [EnableRateLimiting(RateLimitingSetup.TeleCmiCalls)]
    [EndpointName("initiateCall")]
    [HttpPost]
    [AcceptsIdempotencyKey]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<CallLogDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status502BadGateway)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status504GatewayTimeout)]
    public async Task<ActionResult<CallLogDto>> Initiate(InitiateCallRequest request, CancellationToken ct)
    {
        var call = await mediator.Send(new InitiateCallCommand(request.DriverId ?? string.Empty, request.Phone), ct);
        return CreatedAtAction(nameof(Get), new { id = call.Id }, call);
    }

    /// <summary>Logs a call you dialled by hand.</summary>
    /// <remarks>Any agent. The call is stored with provider <c>manual</c> and the outcome you give; TeleCMI is not involved.
    /// Any valid number: allowed destinations are not checked, as nothing is dialled; and at any hour, as the calling hours
    /// bind TeleCMI calls only. A follow-up is at most 366 days ahead and inside the calling hours. The outcome
    /// <c>do_not_call</c> marks the driver do-not-call (source <c>driver_request</c>).</remarks>
    /// <response code="422">The follow-up falls outside the calling hours (<c>errors.followUpAt</c>, with <c>nextAllowedAt</c>).
    /// Or, without <c>phone</c>, the driver's number on record was erased (<c>errors.phone</c>: give the number dialled). Or
    /// the <c>Idempotency-Key</c> was already used with a different body.</response>
    [EndpointName("logManualCall")]
    [HttpPost("manual")]
    [AcceptsIdempotencyKey]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<CallLogDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<CallLogDto>> LogManual(LogManualCallRequest r, CancellationToken ct)
    {
        var call = await mediator.Send(new LogManualCallCommand(r.DriverId ?? string.Empty, r.Phone, r.Outcome, r.DurationSeconds,
            r.Feedback, r.Remarks, r.Notes, r.FollowUpAt?.UtcDateTime), ct);
        return CreatedAtAction(nameof(Get), new { id = call.Id }, call);
    }

    /// <summary>Records the outcome of a call (UpdateFeedback). Never changes TeleCMI's status.</summary>
    /// <remarks>The call's own agent, supervisors and admins. Only outcome, feedback, remarks, notes, duration and follow-up can be set.
    /// A full replace: the agent's record becomes what is sent, so a field left out (or null) is cleared, except
    /// <c>durationSeconds</c>, which keeps its value when left out. Send every field you want to keep. Each change is kept in
    /// the call's history (<c>GET /api/calls/{id}/history</c>) with the values it replaced.
    /// The outcome <c>do_not_call</c> (the driver asked not to be called) marks the call's driver do-not-call, source
    /// <c>driver_request</c>, set by you.</remarks>
    /// <response code="200">The updated call log.</response>
    /// <response code="422">The follow-up falls outside the calling hours (<c>errors.followUpAt</c>, with <c>nextAllowedAt</c>: the
    /// first allowed time at or after it).</response>
    /// <response code="400">A field is invalid (e.g. a follow-up more than 366 days ahead), or a field the agent may not set was sent.</response>
    /// <response code="404">No such call, or it is another telecaller's.</response>
    [EndpointName("updateFeedback")]
    [HttpPut("{id}/feedback")]
    [ProducesResponseType<CallLogDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<CallLogDto> UpdateFeedback(string id, UpdateFeedbackRequest r, CancellationToken ct)
    {
        return await mediator.Send(new UpdateFeedbackCommand(id, r.Outcome, r.Feedback, r.Remarks, r.Notes, r.DurationSeconds,
            r.FollowUpAt?.UtcDateTime, r.Extra?.Keys.ToList() ?? []), ct);
    }

    /// <summary>Lists call logs, newest first (GetCallLogs). Telecallers see only their own.</summary>
    /// <remarks>Offset paging (<c>offset</c>, with <c>total</c>) or keyset paging (<c>cursor</c> = the previous page's <c>nextCursor</c>).</remarks>
    /// <param name="agentId">Only this agent's calls (supervisors and admins).</param>
    /// <param name="driverId">Only calls to this driver.</param>
    /// <param name="provider">telecmi or manual.</param>
    /// <param name="status">Telephony status.</param>
    /// <param name="outcome">Agent-reported outcome.</param>
    /// <param name="from">Created at or after (ISO 8601).</param>
    /// <param name="to">Created at or before (ISO 8601).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="offset">Rows to skip (offset paging; the response has <c>total</c>).</param>
    /// <param name="cursor">The previous page's <c>nextCursor</c> (keyset paging: fast at any depth; no <c>total</c>).</param>
    /// <param name="includeTotal">Count all matching calls into <c>total</c> (default true; ignored with a cursor).</param>
    /// <param name="ct">Cancellation.</param>
    [EndpointName("getCallLogs")]
    [HttpGet]
    [ProducesResponseType<CallLogPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<CallLogPage> List(
        [FromQuery] int? agentId, [FromQuery] string? driverId, [FromQuery] CallProvider? provider, [FromQuery] CallStatus? status,
        [FromQuery] CallOutcome? outcome, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to,
        [FromQuery] int limit = 50, [FromQuery] int offset = 0, [FromQuery] string? cursor = null, [FromQuery] bool includeTotal = true, CancellationToken ct = default) =>
        await mediator.Send(new GetCallLogsQuery(agentId, driverId, provider, status, outcome, from?.UtcDateTime, to?.UtcDateTime, limit, offset, cursor, includeTotal), ct);

    /// <summary>Exports the call list as CSV: the same filters and visibility as the list, newest first.</summary>
    /// <remarks>
    /// Streamed row by row (a year of calls does not sit in memory). UTF-8 with a byte-order mark; times in the
    /// business time zone with their offset; values as in the JSON API.
    /// </remarks>
    /// <param name="agentId">Only this agent's calls (supervisors and admins).</param>
    /// <param name="driverId">Only calls to this driver.</param>
    /// <param name="provider">telecmi or manual.</param>
    /// <param name="status">Telephony status.</param>
    /// <param name="outcome">Agent-reported outcome.</param>
    /// <param name="from">Created at or after (ISO 8601).</param>
    /// <param name="to">Created at or before (ISO 8601).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The CSV file.</response>
    [EndpointName("exportCallLogs")]
    [HttpGet("export")]
    [Produces("text/csv", "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<EmptyResult> Export(
        [FromQuery] int? agentId, [FromQuery] string? driverId, [FromQuery] CallProvider? provider, [FromQuery] CallStatus? status,
        [FromQuery] CallOutcome? outcome, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, CancellationToken ct)
    {
        var export = await mediator.Send(new ExportCallLogsQuery(
            new CallLogFilter(agentId, driverId, provider, status, outcome, from?.UtcDateTime, to?.UtcDateTime)), ct);
        await CallLogCsv.WriteAsync(Response, export, ct);
        return new EmptyResult();
    }

    /// <summary>One call log.</summary>
    /// <remarks>Telecallers see only their own calls (another's is 404); poll this to follow a call's status.</remarks>
    [EndpointName("getCall")]
    [HttpGet("{id}")]
    [ProducesResponseType<CallLogDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<CallLogDto> Get(string id, CancellationToken ct) => await mediator.Send(new GetCallLogQuery(id), ct);

    /// <summary>Every change people made to a call, oldest first (GetCallHistory).</summary>
    /// <remarks>
    /// The call's own agent, supervisors and admins. One entry per change: logging a manual call (<c>created</c>) and each
    /// feedback (<c>feedback</c>), with who (<c>actorAgentId</c>), when, and each changed field before → after, so values a
    /// later feedback replaced stay visible here. The history is append-only.
    /// </remarks>
    /// <response code="200">The entries, oldest first (empty when nobody changed the call).</response>
    /// <response code="404">No such call, or it is another telecaller's.</response>
    [EndpointName("getCallHistory")]
    [HttpGet("{id}/history")]
    [ProducesResponseType<IReadOnlyList<AuditEntryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IReadOnlyList<AuditEntryDto>> History(string id, CancellationToken ct) =>
        await mediator.Send(new GetCallHistoryQuery(id), ct);

    /// <summary>Asks TeleCMI to end a live call (HangUpCall).</summary>
    /// <remarks>
    /// The call's own agent, supervisors and admins. 202 means TeleCMI accepted: the call is ending, and its final status
    /// (<c>completed</c>, or <c>missed</c> when the driver had not answered), talk time and recording still come from
    /// TeleCMI's webhooks, as for any call; follow it with <c>GET /api/calls/{id}</c>. The status in the answer is the one
    /// before the hang-up. TeleCMI's hang-up logs in as the call's agent, so the agent needs a TeleCMI password
    /// (<c>teleCmiPassword</c>, set by an admin).
    /// </remarks>
    /// <response code="202">TeleCMI accepted the hang-up; the call as it was (its status changes with TeleCMI's webhooks).</response>
    /// <response code="404">No such call, or it is another telecaller's.</response>
    /// <response code="409">The call is not live (finished, failed, not placed, unknown), is a manual call, or TeleCMI has not yet reported the agent's leg it needs (then with <c>Retry-After</c>: try again in a moment).</response>
    /// <response code="422">The call's agent has no TeleCMI user id or no TeleCMI password (an admin sets <c>teleCmiPassword</c> with <c>PATCH /api/agents/{id}</c>), or the stored one can no longer be decrypted.</response>
    /// <response code="502">TeleCMI refused the hang-up or the agent's TeleCMI login.</response>
    /// <response code="503">TeleCMI is unavailable; the call goes on. See <c>Retry-After</c>.</response>
    /// <response code="504">TeleCMI did not answer in time; the call may have ended anyway. Follow its status.</response>
    [EndpointName("hangUpCall")]
    [HttpPost("{id}/hangup")]
    [ProducesResponseType<CallLogDto>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status502BadGateway)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status504GatewayTimeout)]
    public async Task<ActionResult<CallLogDto>> HangUp(string id, CancellationToken ct) =>
        AcceptedAtAction(nameof(Get), new { id }, await mediator.Send(new HangUpCallCommand(id), ct));

    /// <summary>Streams the call's recording (fetched from TeleCMI server-side). Supports HTTP range requests.</summary>
    /// <remarks>Telecallers get only their own calls' recordings. The audio is mp3 or wav, as TeleCMI stored it.</remarks>
    /// <response code="200">The audio.</response>
    /// <response code="206">Part of the audio, for a <c>Range</c> request.</response>
    /// <response code="404">No such call, another telecaller's call, or no recording.</response>
    /// <response code="410">The call is older than <c>Retention:RecordingDays</c> (default 180): its recording is no longer kept.</response>
    /// <response code="416">The <c>Range</c> asked for lies outside the audio.</response>
    /// <response code="502">TeleCMI answered with an error instead of audio.</response>
    [EndpointName("getCallRecording")]
    [HttpGet("{id}/recording")]
    [Produces("audio/mpeg", "audio/wav", "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status206PartialContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status416RangeNotSatisfiable)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status502BadGateway)]
    public async Task<IActionResult> Recording(string id, CancellationToken ct)
    {
        var audio = await mediator.Send(new GetRecordingQuery(id), ct);
        if (audio.Content.CanSeek) UnsatisfiableRange.ThrowIfOutside(Request, audio.Content.Length);
        return File(audio.Content, audio.ContentType, enableRangeProcessing: true);
    }
}
