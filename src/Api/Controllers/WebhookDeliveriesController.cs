using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeleCmi.Application.Webhooks.ListWebhookDeliveries;
using TeleCmi.Application.Webhooks.ReplayWebhookDelivery;

namespace TeleCmi.Api.Controllers;

/// <summary>Stored TeleCMI webhook deliveries: see those that matched no call, and replay them (admins only).</summary>
[ApiController]
[Authorize]
[Route("api/webhooks/deliveries")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
public sealed class WebhookDeliveriesController(IMediator mediator) : ControllerBase
{
    /// <summary>Lists stored webhook deliveries, newest first, with why each matched no call.</summary>
    /// <remarks>
    /// Admins only. <c>matched=false</c> lists the deliveries that matched no call (their <c>reason</c> names the ids looked for);
    /// each carries TeleCMI's body as received. Keyset paging: pass <c>nextCursor</c> as <c>cursor</c>.
    /// </remarks>
    /// <param name="matched">true: only deliveries that matched a call; false: only those that matched none.</param>
    /// <param name="from">Received at or after (ISO 8601).</param>
    /// <param name="to">Received at or before (ISO 8601).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The previous page's <c>nextCursor</c>.</param>
    /// <param name="ct">Cancellation.</param>
    [EndpointName("listWebhookDeliveries")]
    [HttpGet]
    [ProducesResponseType<WebhookDeliveryPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<WebhookDeliveryPage> List(
        [FromQuery] bool? matched, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to,
        [FromQuery] int limit = 50, [FromQuery] string? cursor = null, CancellationToken ct = default) =>
        await mediator.Send(new ListWebhookDeliveriesQuery(matched, from?.UtcDateTime, to?.UtcDateTime, limit, cursor), ct);

    /// <summary>Applies a stored delivery again, as if TeleCMI had just sent it (for example after its call was restored from a backup).</summary>
    /// <remarks>
    /// Admins only. The stored body goes through the same matching and the same call rules as a live delivery, so replaying
    /// is harmless: a delivery already applied changes nothing (<c>changed</c> false, <c>result</c> <c>no_change</c>). A
    /// delivery that now matches a call is marked matched.
    /// </remarks>
    /// <param name="id">The delivery's id (from the list).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Matched a call; <c>changed</c> says whether the call changed.</response>
    /// <response code="404">No such delivery.</response>
    /// <response code="409">The delivery still matches no call; <c>detail</c> says why. Nothing changed but its reason.</response>
    [EndpointName("replayWebhookDelivery")]
    [HttpPost("{id:long}/replay")]
    [ProducesResponseType<WebhookReplayResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<WebhookReplayResult> Replay(long id, CancellationToken ct) =>
        await mediator.Send(new ReplayWebhookDeliveryCommand(id), ct);
}
