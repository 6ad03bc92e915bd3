using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TeleCmi.Api.Streaming;
using TeleCmi.Application.Calls.StreamCallEvents;

namespace TeleCmi.Api.Controllers;

/// <summary>Live call status: server-sent events after each change of a call, from any instance.</summary>
[ApiController]
[Authorize]
[Route("api/calls")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
public sealed class CallEventsController(IMediator mediator, IOptions<StreamingOptions> streaming, IOptions<JsonOptions> json) : ControllerBase
{
    /// <summary>Follows one call live (server-sent events): its current state first, then the call after each change.</summary>
    /// <remarks>
    /// Who may see the call as for <c>GET /api/calls/{id}</c> (another telecaller's call is 404, before the stream starts).
    /// Each event is <c>event: call</c>, <c>id:</c> an event id, and <c>data:</c> the call's JSON as <c>GET /api/calls/{id}</c>
    /// returns it, as it is after the change (quick successive changes may arrive as one event). Stop following at
    /// <c>final: true</c>, not at a status. A heartbeat (<c>event: heartbeat</c>, <c>data: {}</c>, no id) is sent after
    /// <c>Streaming:HeartbeatSeconds</c> (15) without an event. Reconnect with <c>Last-Event-ID</c> (or <c>lastEventId</c>):
    /// with an id of the last 10 minutes, what was missed is sent (the call as it is now, if it changed), otherwise its
    /// current state.
    /// </remarks>
    /// <param name="id">The call's id.</param>
    /// <param name="lastEventId">Resume after this event id (for clients that cannot set the <c>Last-Event-ID</c> header; the header wins).</param>
    /// <param name="lastEventIdHeader">The last event id the client received (a reconnecting EventSource sends it).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The event stream (<c>text/event-stream</c>).</response>
    /// <response code="404">No such call, or it is another telecaller's.</response>
    [EndpointName("streamCallEvents")]
    [HttpGet("{id}/events")]
    [Produces("text/event-stream", "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IResult> StreamOne(string id, [FromQuery] long? lastEventId,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader, CancellationToken ct) =>
        Stream(await mediator.Send(new StreamCallEventsQuery(id, null, CallEventSse.ResumeAfter(lastEventIdHeader, lastEventId)), ct), ct);

    /// <summary>Follows calls live (server-sent events): a telecaller's own; supervisors and admins all, or one agent's.</summary>
    /// <remarks>
    /// Events as for <c>GET /api/calls/{id}/events</c> (<c>event: call</c>, <c>id:</c>, the call's JSON), for every visible call
    /// after each change; on connect only a heartbeat (so the client sees the stream open at once). Reconnect with <c>Last-Event-ID</c> (or
    /// <c>lastEventId</c>): each call that changed after that id (within the last 10 minutes) is sent once, as it is now, in
    /// the order of its last change; with an id older than that, the calls that changed in the last 10 minutes are sent
    /// (reload the list with <c>GET /api/calls</c> for older ones).
    /// </remarks>
    /// <param name="agentId">Only this agent's calls (supervisors and admins; ignored for telecallers).</param>
    /// <param name="lastEventId">Resume after this event id (for clients that cannot set the <c>Last-Event-ID</c> header; the header wins).</param>
    /// <param name="lastEventIdHeader">The last event id the client received (a reconnecting EventSource sends it).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The event stream (<c>text/event-stream</c>).</response>
    [EndpointName("streamCallsEvents")]
    [HttpGet("events")]
    [Produces("text/event-stream", "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IResult> StreamAll([FromQuery] int? agentId, [FromQuery] long? lastEventId,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader, CancellationToken ct) =>
        Stream(await mediator.Send(new StreamCallEventsQuery(null, agentId, CallEventSse.ResumeAfter(lastEventIdHeader, lastEventId)), ct), ct);

    private IResult Stream(CallEventStream stream, CancellationToken ct)
    {
        // Proxies such as nginx must pass each event on at once instead of buffering the response.
        Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(CallEventSse.WriteAsync(
            stream, TimeSpan.FromSeconds(streaming.Value.HeartbeatSeconds), json.Value.JsonSerializerOptions, ct));
    }
}
