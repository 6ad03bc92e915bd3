using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.FollowUps.GetFollowUps;

namespace TeleCmi.Api.Controllers;

/// <summary>Drivers to call back.</summary>
[ApiController]
[Authorize]
[Route("api/follow-ups")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
public sealed class FollowUpsController(IMediator mediator) : ControllerBase
{
    /// <summary>Your follow-ups, soonest first, with the driver and what happened on the last call.</summary>
    /// <remarks>
    /// A follow-up is the follow-up time on your latest call to a driver: calling the driver again replaces it
    /// (set a new follow-up time in that call's feedback to keep one).
    /// </remarks>
    /// <param name="due">today (default: due today, passed or not), overdue (before now), upcoming (now or later) or all.</param>
    /// <param name="agentId">Another agent's follow-ups (supervisors and admins).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="offset">Rows to skip.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="403">A telecaller asked for another agent's follow-ups.</response>
    [EndpointName("getFollowUps")]
    [HttpGet]
    [ProducesResponseType<PagedResult<FollowUpDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    public async Task<PagedResult<FollowUpDto>> List([FromQuery] FollowUpDue due = FollowUpDue.Today, [FromQuery] int? agentId = null,
        [FromQuery] int limit = 50, [FromQuery] int offset = 0, CancellationToken ct = default) =>
        await mediator.Send(new GetFollowUpsQuery(due, agentId, limit, offset), ct);
}
