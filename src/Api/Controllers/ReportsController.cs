using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeleCmi.Application.Reports.GetAgentsReport;
using TeleCmi.Application.Reports.GetDailyReport;
using TeleCmi.Application.Reports.GetReportSummary;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Api.Controllers;

/// <summary>
/// Figures for supervisors (and for each telecaller, their own). Days are business days: midnight to midnight in
/// <c>Reporting:TimeZone</c> (default Asia/Kolkata), whatever the server's time zone; weeks start on Monday.
/// </summary>
[ApiController]
[Authorize]
[Route("api/reports")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
public sealed class ReportsController(IMediator mediator) : ControllerBase
{
    /// <summary>One row per business day, days without calls included, with the totals of the range.</summary>
    /// <remarks>Telecallers always get their own figures; supervisors and admins anyone's, or everyone's.</remarks>
    /// <param name="from">First day (yyyy-MM-dd, business time zone). Default: 29 days before <paramref name="to"/>.</param>
    /// <param name="to">Last day, included. Default: today.</param>
    /// <param name="agentId">Only this agent (supervisors and admins; a telecaller always gets their own figures).</param>
    /// <param name="provider">telecmi or manual.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="403">A telecaller asked for another agent's figures.</response>
    [EndpointName("getDailyReport")]
    [HttpGet("daily")]
    [ProducesResponseType<DailyReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    public async Task<DailyReport> Daily([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] int? agentId,
        [FromQuery] CallProvider? provider, CancellationToken ct) =>
        await mediator.Send(new GetDailyReportQuery(from, to, agentId, provider), ct);

    /// <summary>One row per agent, best first (answered calls, then talk time): every active telecaller, and anyone else who called.</summary>
    /// <remarks>Telecallers get only their own row.</remarks>
    /// <param name="from">First day (yyyy-MM-dd). Default: 29 days before <paramref name="to"/>.</param>
    /// <param name="to">Last day, included. Default: today.</param>
    /// <param name="provider">telecmi or manual.</param>
    /// <param name="ct">Cancellation.</param>
    [EndpointName("getAgentsReport")]
    [HttpGet("agents")]
    [ProducesResponseType<AgentsReport>(StatusCodes.Status200OK)]
    public async Task<AgentsReport> Agents([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] CallProvider? provider,
        CancellationToken ct) =>
        await mediator.Send(new GetAgentsReportQuery(from, to, provider), ct);

    /// <summary>Today's, this week's (from Monday) or this month's figures, with follow-ups due.</summary>
    /// <remarks>Telecallers always get their own figures.</remarks>
    /// <param name="period">today (default), week or month.</param>
    /// <param name="agentId">Only this agent (supervisors and admins).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="403">A telecaller asked for another agent's figures.</response>
    [EndpointName("getReportSummary")]
    [HttpGet("summary")]
    [ProducesResponseType<ReportSummary>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    public async Task<ReportSummary> Summary([FromQuery] SummaryPeriod period = SummaryPeriod.Today, [FromQuery] int? agentId = null,
        CancellationToken ct = default) =>
        await mediator.Send(new GetReportSummaryQuery(period, agentId), ct);
}
