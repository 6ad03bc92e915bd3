using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeleCmi.Api.Contracts;
using TeleCmi.Api.Import;
using TeleCmi.Api.Infrastructure;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Application.Drivers.CreateDriver;
using TeleCmi.Application.Drivers.EraseDriver;
using TeleCmi.Application.Drivers.GetDriver;
using TeleCmi.Application.Drivers.ImportDrivers;
using TeleCmi.Application.Drivers.SearchDrivers;
using TeleCmi.Application.Drivers.UpsertDriver;
using FluentValidation;
using FluentValidation.Results;
using TeleCmi.Api.OpenApi;
using TeleCmi.Application.Drivers.ImportDoNotCall;
using TeleCmi.Application.Drivers.LiftDoNotCall;
using TeleCmi.Application.Drivers.MarkDoNotCall;
using TeleCmi.Domain.Drivers;

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

    /// <summary>Adds or updates a driver under the platform's id (admins only).</summary>
    /// <remarks>
    /// Admins only, as adding one. The body is the platform's whole current record of the driver: 201 with
    /// <c>Location</c> when the id is new, 200 when it exists, whether its details changed or not. The same body twice
    /// stores the same state and answers 200; an unchanged put leaves <c>updatedAt</c> as it was. Two puts of a new id at
    /// once give one 201 and one 200. On MariaDB ids differing only in letter case are the same driver.
    /// </remarks>
    /// <param name="id">The platform's driver id, 1 to 50 printable characters.</param>
    /// <param name="r">The driver's details.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The driver existed; it now has these details.</response>
    /// <response code="201">The driver was new and has been added.</response>
    [EndpointName("upsertDriver")]
    [HttpPut("{id}")]
    [ProducesResponseType<DriverDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<DriverDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<DriverDto>> Upsert(string id, UpsertDriverRequest r, CancellationToken ct)
    {
        var result = await mediator.Send(new UpsertDriverCommand(id, r.Name ?? "", r.Phone ?? "", r.TmId, r.Kind), ct);
        return result.Outcome == DriverUpsertOutcome.Created
            ? Created($"/api/drivers/{Uri.EscapeDataString(result.Driver.Id)}", result.Driver)
            : Ok(result.Driver);
    }

    /// <summary>Adds or updates up to 10,000 drivers at once (admins only).</summary>
    /// <remarks>
    /// Admins only. The body is a JSON array of drivers, or a CSV file (<c>text/csv</c>, UTF-8) with a header row
    /// naming the columns <c>id</c>, <c>name</c>, <c>phone</c> and optionally <c>tmId</c> and <c>kind</c>. Each row is
    /// checked as <c>PUT /api/drivers/{id}</c> would check it; the valid rows are applied as upserts in one transaction
    /// and the invalid ones reported and skipped. An id that appears twice is applied from its first row and rejected on
    /// the others. The answer lists every row: its number as the client counts it (the JSON index from 0, the CSV line
    /// with the header on line 1), its id, <c>created</c>/<c>updated</c>/<c>unchanged</c>/<c>rejected</c>, and for a
    /// rejected row the errors keyed by field. More than 10,000 rows, or a body over <c>Limits:MaxImportBodyBytes</c>
    /// (8 MB by default), is 413; no rows, a CSV header with an unknown or missing column, or a body that is not an
    /// array is 400.
    /// </remarks>
    /// <param name="rows">The drivers.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Every row's result; rejected rows were skipped, the others applied.</response>
    /// <response code="413">More than 10,000 rows, or a body over `Limits:MaxImportBodyBytes` (8 MB by default).</response>
    [EndpointName("importDrivers")]
    [HttpPost("import")]
    [ImportBody]
    [Consumes("application/json", DriverImportCsvInputFormatter.MediaType)]
    [ProducesResponseType<DriverImportResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<DriverImportResult> Import(List<DriverImportItem?> rows, CancellationToken ct)
    {
        if (rows.Count > ImportDriversCommand.MaxRows)
            throw new BadHttpRequestException(
                $"An import takes at most {ImportDriversCommand.MaxRows:N0} rows; this one has {rows.Count:N0}. Split it into several.",
                StatusCodes.Status413PayloadTooLarge);
        var command = new ImportDriversCommand(rows.Select((row, index) => row is null
                ? new DriverImportRow(index, null, null, null, null, null, "A row is a JSON object.")
                : new DriverImportRow(row.Line ?? index, row.Id, row.Name, row.Phone, row.TmId, row.Kind, row.Unreadable))
            .ToList());
        return await mediator.Send(command, ct);
    }

    /// <summary>Marks a driver do-not-call (supervisors and admins).</summary>
    /// <remarks>
    /// Supervisors and admins. From then on <c>POST /api/calls</c> to the driver is refused with 422 naming the reason
    /// (nothing is sent to TeleCMI), the driver shows <c>doNotCall</c> in lists, search and detail, and none of their
    /// follow-ups is due. A driver already marked keeps the first mark (the answer shows it). Who set it, when, why and
    /// from which source is kept, also after it is lifted. A telecaller marks a driver through the call outcome
    /// <c>do_not_call</c> in feedback.
    /// </remarks>
    /// <param name="id">The platform's driver id.</param>
    /// <param name="r">Why, and where the request came from.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The driver, marked.</response>
    [EndpointName("markDriverDoNotCall")]
    [HttpPost("{id}/do-not-call")]
    [ProducesResponseType<DriverDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<DriverDto> MarkDoNotCall(string id, MarkDoNotCallRequest r, CancellationToken ct) =>
        await mediator.Send(new MarkDoNotCallCommand(id, r.Reason, r.Source), ct);

    /// <summary>Lifts a driver's do-not-call mark (supervisors and admins).</summary>
    /// <remarks>
    /// Supervisors and admins. The mark's record keeps who lifted it and when. A driver who is not marked is answered as
    /// they are (200), so a retry is harmless.
    /// </remarks>
    /// <param name="id">The platform's driver id.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The driver, callable again.</response>
    [EndpointName("liftDriverDoNotCall")]
    [HttpDelete("{id}/do-not-call")]
    [ProducesResponseType<DriverDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<DriverDto> LiftDoNotCall(string id, CancellationToken ct) => await mediator.Send(new LiftDoNotCallCommand(id), ct);

    /// <summary>Marks do-not-call every driver whose number is in a list of up to 100,000 (supervisors and admins).</summary>
    /// <remarks>
    /// Supervisors and admins. The body is a CSV file (<c>text/csv</c>, UTF-8): one number per line, or a header row
    /// naming a <c>phone</c> column (other columns ignored), e.g. numbers found in a scrub against the DND registry.
    /// Numbers are normalised to E.164 (India by default) and matched against drivers' numbers; every driver with a
    /// listed number is marked with <c>source</c> (default <c>dnd_registry</c>) and <c>reason</c>. Drivers already
    /// marked keep their mark. The answer counts the drivers marked, those already marked, the numbers that matched
    /// nobody, repeated and invalid ones. More than 100,000 numbers, or a body over <c>Limits:MaxImportBodyBytes</c>
    /// (8 MB by default), is 413.
    /// </remarks>
    /// <param name="source">Where the list comes from (default dnd_registry).</param>
    /// <param name="reason">The reason recorded on each mark (default "Imported do-not-call list").</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The counts; the drivers are marked.</response>
    /// <response code="413">More than 100,000 numbers, or a body over `Limits:MaxImportBodyBytes` (8 MB by default).</response>
    /// <response code="415">The body is not `text/csv`.</response>
    [EndpointName("importDoNotCall")]
    [HttpPost("do-not-call/import")]
    [ImportBody]
    [Consumes(DoNotCallImportBodyOperationFilter.MediaType)]
    [ProducesResponseType<DoNotCallImportResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<DoNotCallImportResult> ImportDoNotCall([FromQuery] DoNotCallSource? source, [FromQuery] string? reason, CancellationToken ct)
    {
        List<DoNotCallImportNumber> numbers;
        try
        {
            numbers = await DoNotCallCsv.ReadAsync(Request.Body, ct);
        }
        catch (CsvFormatException e)
        {
            throw new ValidationException([new ValidationFailure("body", e.Message)]);
        }
        if (numbers.Count > ImportDoNotCallCommand.MaxNumbers)
            throw new BadHttpRequestException(
                $"An import takes at most {ImportDoNotCallCommand.MaxNumbers:N0} numbers; this one has {numbers.Count:N0}. Split it into several.",
                StatusCodes.Status413PayloadTooLarge);
        return await mediator.Send(new ImportDoNotCallCommand(numbers, reason, source), ct);
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

    /// <summary>Erases a driver's personal data everywhere, at once (admins only; a data-erasure request).</summary>
    /// <remarks>
    /// Admins only. In one transaction: the driver is kept as a tombstone (phone masked as <c>+91******3210</c>, name
    /// <c>(removed)</c>, no TeleCMI id), so its calls still reference it; every call to the driver gets the same masked
    /// phone and name, keeping its status, outcome, times and durations, so call counts and reports do not change; the
    /// number is masked in the stored raw webhook bodies; the driver's audit entries lose the name, phone and TeleCMI id
    /// they recorded. An audit entry (<c>erased</c>) records that the erasure happened, not what was erased. Erasing again
    /// changes nothing more. A later <c>PUT /api/drivers/{id}</c> from the platform stores the driver again as sent.
    /// </remarks>
    /// <param name="id">The platform's driver id.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Erased; how many calls, webhook bodies and audit entries were changed now.</response>
    /// <response code="403">Not an admin.</response>
    /// <response code="404">No such driver.</response>
    [EndpointName("eraseDriver")]
    [HttpPost("{id}/erase")]
    [ProducesResponseType<EraseDriverResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<EraseDriverResult> Erase(string id, CancellationToken ct) => await mediator.Send(new EraseDriverCommand(id), ct);
}
