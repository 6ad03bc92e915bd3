using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeleCmi.Application.Compliance.GetPolicy;

namespace TeleCmi.Api.Controllers;

/// <summary>The rules calls are placed under.</summary>
[ApiController]
[Authorize]
[Route("api/policy")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
public sealed class PolicyController(IMediator mediator) : ControllerBase
{
    /// <summary>The calling hours, holidays and time zone, and whether a TeleCMI call may be placed now.</summary>
    /// <remarks>
    /// Any signed-in agent. Outside the hours (<c>Compliance:CallingHours</c>, per day <c>Compliance:Days</c>, holidays
    /// <c>Compliance:Holidays</c>, in <c>Compliance:TimeZone</c>) <c>POST /api/calls</c> answers 422 with the same
    /// <c>nextAllowedAt</c>: the app greys out its call button until then. Manual calls can be logged at any time.
    /// </remarks>
    /// <param name="ct">Cancellation.</param>
    [EndpointName("getPolicy")]
    [HttpGet]
    [ProducesResponseType<PolicyDto>(StatusCodes.Status200OK)]
    public async Task<PolicyDto> Get(CancellationToken ct) => await mediator.Send(new GetPolicyQuery(), ct);
}
