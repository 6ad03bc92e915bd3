using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TeleCmi.Api.Infrastructure;
using TeleCmi.Application.Agents.ConfirmCaller;
using TeleCmi.Application.Agents.GetSignedInAgent;
using TeleCmi.Application.Calls.GetCallLogs;
using TeleCmi.Application.Calls.InitiateCall;
using TeleCmi.Application.Calls.UpdateFeedback;
using TeleCmi.Application.Drivers.RegisterCalledDriver;
using TeleCmi.Application.Webhooks.HandleWebhook;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Api.Compatibility;

/// <summary>
/// The original PHP service's routes, for the app that exists: the seed's bodies in, the seed's envelope out, through the
/// same commands and rules as the new API. Errors become the envelope in <see cref="SeedRoutesMiddleware"/>. Left out of
/// the OpenAPI document (ADR 0009); docs/MOBILE-APP.md describes them beside the new endpoints.
/// </summary>
[ApiController]
[Route(SeedRoute.Template)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SeedController(IMediator mediator) : ControllerBase
{
    /// <summary><c>POST ?action=click_to_call</c> <c>{caller_id, driver_id, driver_mobile}</c>: InitiateCall as the signed-in agent.</summary>
    [HttpPost]
    [SeedAction(SeedRoute.ClickToCall)]
    [Authorize]
    [EnableRateLimiting(RateLimitingSetup.TeleCmiCalls)]
    [AcceptsIdempotencyKey]
    public async Task<IActionResult> ClickToCall([FromBody] JsonElement body, CancellationToken ct)
    {
        var seed = SeedBody.From(body);
        await mediator.Send(new ConfirmCallerQuery(seed.Text("caller_id")), ct);
        var driverId = seed.Text("driver_id") ?? string.Empty;
        var mobile = seed.Text("driver_mobile");
        // The platform's drivers are not all known here yet: one the agent calls is added from what the app sent.
        if (mobile is not null && driverId.Length > 0) await mediator.Send(new RegisterCalledDriverCommand(driverId, mobile), ct);
        var call = await mediator.Send(new InitiateCallCommand(driverId, mobile), ct);
        return SeedJson.Success("TeleCMI call initiated successfully", SeedCallStarted.From(call));
    }

    /// <summary><c>POST ?action=update_feedback</c> <c>{reference_id, status, feedback, remarks, notes, call_duration}</c>: UpdateFeedback.</summary>
    [HttpPost]
    [SeedAction(SeedRoute.UpdateFeedback)]
    [Authorize]
    public async Task<IActionResult> UpdateFeedback([FromBody] JsonElement body, CancellationToken ct)
    {
        var seed = SeedBody.From(body);
        var command = new UpdateFeedbackCommand(seed.Text("reference_id") ?? string.Empty, SeedStatusWords.ToOutcome(seed.Text("status")),
            seed.Text("feedback"), seed.Text("remarks"), seed.Text("notes"), seed.WholeNumber("call_duration"), null, []);
        var call = await mediator.Send(command, ct);
        var me = await mediator.Send(new GetSignedInAgentQuery(), ct);
        return SeedJson.Success("Feedback updated successfully", SeedCallLogRow.From(call, me));
    }

    /// <summary><c>GET ?action=get_call_logs&amp;caller_id=3&amp;limit=50&amp;offset=0</c>: the agent's TeleCMI calls, newest first (GetCallLogs).</summary>
    /// <param name="callerId">The signed-in agent's platform id.</param>
    /// <param name="limit">1 to 200 (default 50).</param>
    /// <param name="offset">Rows to skip.</param>
    /// <param name="ct">Cancellation.</param>
    [HttpGet]
    [SeedAction(SeedRoute.GetCallLogs)]
    [Authorize]
    public async Task<IActionResult> GetCallLogs(
        [FromQuery(Name = "caller_id")] string? callerId, [FromQuery(Name = "limit")] int? limit, [FromQuery(Name = "offset")] int? offset,
        CancellationToken ct)
    {
        var me = await mediator.Send(new ConfirmCallerQuery(callerId), ct);
        var page = await mediator.Send(new GetCallLogsQuery(AgentId: me.AgentId, Provider: CallProvider.TeleCmi, Limit: limit ?? 50, Offset: offset ?? 0), ct);
        var rows = page.Items.Select(call => SeedCallLogRow.From(call, me)).ToList();
        return SeedJson.Success("Call logs retrieved successfully", new SeedCallLogs(rows, page.Total, page.Limit, page.Offset));
    }

    /// <summary>
    /// <c>POST ?action=webhook&amp;token=…</c>: TeleCMI's webhooks, handled as <c>POST /api/webhooks/telecmi</c> handles them,
    /// authenticated the same way (the <c>token</c> in the URL, no Bearer token).
    /// </summary>
    /// <param name="token">The webhook secret (<c>TeleCmi:WebhookToken</c>).</param>
    /// <param name="ct">Cancellation.</param>
    [HttpPost]
    [SeedAction(SeedRoute.Webhook)]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitingSetup.Webhooks)]
    public async Task<IActionResult> Webhook([FromQuery(Name = "token")] string? token, CancellationToken ct)
    {
        var receipt = await mediator.Send(new HandleWebhookCommand(token, await WebhookBody.ReadAsync(Request, ct)), ct);
        return SeedJson.Success("Webhook received", new SeedWebhookReceipt(receipt.DeliveryId, receipt.Result, receipt.CallId));
    }
}
