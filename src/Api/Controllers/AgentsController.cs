using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeleCmi.Api.Contracts;
using TeleCmi.Application.Agents.Common;
using TeleCmi.Application.Agents.CreateAgent;
using TeleCmi.Application.Agents.ListAgents;
using TeleCmi.Application.Agents.UpdateAgent;

namespace TeleCmi.Api.Controllers;

/// <summary>Managing agents (admins only).</summary>
[ApiController]
[Authorize]
[Route("api/agents")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
public sealed class AgentsController(IMediator mediator) : ControllerBase
{
    /// <summary>Creates an agent.</summary>
    /// <remarks>
    /// Admins only. The username and the external id are unique (409 if taken); the password is stored hashed, the
    /// TeleCMI password encrypted (never returned: <c>hasTeleCmiPassword</c> says whether one is set).
    /// </remarks>
    [EndpointName("createAgent")]
    [HttpPost]
    [ProducesResponseType<AgentDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<AgentDto>> Create(CreateAgentRequest r, CancellationToken ct)
    {
        var agent = await mediator.Send(new CreateAgentCommand(r.Username ?? "", r.Password ?? "", r.DisplayName ?? "", r.Phone ?? "", r.Role,
            r.TeleCmiUserId, r.TeleCmiCallingAllowed, r.ExternalId, r.TeleCmiPassword), ct);
        return Created($"/api/agents/{agent.Id}", agent);
    }

    /// <summary>Lists all agents.</summary>
    /// <remarks>Admins only. Every agent, active or not.</remarks>
    [EndpointName("listAgents")]
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<AgentDto>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<AgentDto>> List(CancellationToken ct) => await mediator.Send(new ListAgentsQuery(), ct);

    /// <summary>Changes an agent: name, phone, role, password, TeleCMI settings, or disables the account.</summary>
    /// <remarks>
    /// Admins only. Disabling an agent makes their tokens stop working at once. <c>teleCmiPassword</c> is write-only
    /// (stored encrypted, needed to hang up the agent's calls); <c>clearTeleCmiPassword: true</c> removes it.
    /// </remarks>
    [EndpointName("updateAgent")]
    [HttpPatch("{id:int}")]
    [ProducesResponseType<AgentDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<AgentDto> Update(int id, UpdateAgentRequest r, CancellationToken ct) =>
        await mediator.Send(new UpdateAgentCommand(id, r.DisplayName, r.Phone, r.Role, r.Password, r.TeleCmiUserId,
            r.ClearTeleCmiUserId ?? false, r.TeleCmiCallingAllowed, r.IsActive, r.ExternalId, r.ClearExternalId ?? false,
            r.TeleCmiPassword, r.ClearTeleCmiPassword ?? false), ct);
}
