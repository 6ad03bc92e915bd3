using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeleCmi.Api.Contracts;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Application.Drivers.CreateDriver;
using TeleCmi.Application.Drivers.GetDriver;
using TeleCmi.Application.Drivers.SearchDrivers;

namespace TeleCmi.Api.Controllers;

/// <summary>Drivers and transporters the telecallers call.</summary>
[ApiController]
[Authorize]
[Route("api/drivers")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
public sealed class DriversController(IMediator mediator) : ControllerBase
{
    /// <summary>Adds a driver (admins only).</summary>
    /// <remarks>Admins only. The id is the platform's; the phone is normalised to E.164 (India by default).</remarks>
    [EndpointName("createDriver")]
    [HttpPost]
    [ProducesResponseType<DriverDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<DriverDto>> Create(CreateDriverRequest r, CancellationToken ct)
    {
        var driver = await mediator.Send(new CreateDriverCommand(r.Id ?? "", r.Name ?? "", r.Phone ?? "", r.TmId, r.Kind), ct);
        return Created($"/api/drivers/{Uri.EscapeDataString(driver.Id)}", driver);
    }

    /// <summary>Finds drivers by id, TM id, phone number or part of the name.</summary>
    /// <remarks>Any signed-in agent. Matches the id, TM id or phone exactly, or part of the name.</remarks>
    /// <param name="search">Text to look for.</param>
    /// <param name="limit">Page size, 1 to 200.</param>
    /// <param name="offset">Rows to skip.</param>
    /// <param name="ct">Cancellation.</param>
    [EndpointName("searchDrivers")]
    [HttpGet]
    [ProducesResponseType<PagedResult<DriverDto>>(StatusCodes.Status200OK)]
    public async Task<PagedResult<DriverDto>> Search([FromQuery] string? search, [FromQuery] int limit = 50, [FromQuery] int offset = 0, CancellationToken ct = default) =>
        await mediator.Send(new SearchDriversQuery(search, limit, offset), ct);

    /// <summary>One driver.</summary>
    /// <remarks>Any signed-in agent.</remarks>
    [EndpointName("getDriver")]
    [HttpGet("{id}")]
    [ProducesResponseType<DriverDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<DriverDto> Get(string id, CancellationToken ct) => await mediator.Send(new GetDriverQuery(id), ct);
}
