using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeleCmi.Application.Audit.ListAuditEntries;

namespace TeleCmi.Api.Controllers;

/// <summary>The audit trail: every change people made to calls, agents and drivers (admins only).</summary>
[ApiController]
[Authorize]
[Route("api/audit")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
public sealed class AuditController(IMediator mediator) : ControllerBase
{
    /// <summary>Lists audit entries, newest first (ListAuditEntries).</summary>
    /// <remarks>
    /// Admins only. Entries are appended in the same transaction as the change and never rewritten (a driver's erasure
    /// replaces the driver's personal data inside them). Passwords appear as <c>(changed)</c>, never their value.
    /// Keyset paging: pass <c>nextCursor</c> as <c>cursor</c>.
    /// </remarks>
    /// <param name="entity">Only entries about this kind of thing: call, agent or driver.</param>
    /// <param name="entityId">Only entries about this one (with <c>entity</c>), e.g. a call id.</param>
    /// <param name="from">At or after (ISO 8601).</param>
    /// <param name="to">At or before (ISO 8601).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The previous page's <c>nextCursor</c>.</param>
    /// <param name="ct">Cancellation.</param>
    [EndpointName("listAuditEntries")]
    [HttpGet]
    [ProducesResponseType<AuditEntryPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<AuditEntryPage> List(
        [FromQuery] string? entity, [FromQuery] string? entityId, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to,
        [FromQuery] int limit = 50, [FromQuery] string? cursor = null, CancellationToken ct = default) =>
        await mediator.Send(new ListAuditEntriesQuery(entity, entityId, from?.UtcDateTime, to?.UtcDateTime, limit, cursor), ct);
}
