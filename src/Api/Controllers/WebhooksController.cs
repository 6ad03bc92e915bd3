using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TeleCmi.Api.Infrastructure;
using TeleCmi.Application.Webhooks.HandleWebhook;

namespace TeleCmi.Api.Controllers;

/// <summary>Where TeleCMI posts call events and CDRs (HandleWebhook). Authenticated by the URL token.</summary>
[ApiController]
[Route("api/webhooks/telecmi")]
public sealed class WebhooksController(IMediator mediator) : ControllerBase
{
    /// <summary>Receives a TeleCMI webhook (JSON body). Every accepted delivery is committed before it is answered.</summary>
    /// <remarks>Anonymous (the <c>token</c> query parameter authenticates TeleCMI). JSON, form or text bodies up to 64 KB.</remarks>
    /// <param name="token">The webhook secret configured in TeleCMI's dashboard URL.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Stored; <c>result</c> says whether it matched and changed a call.</response>
    /// <response code="400">The body is not a JSON object.</response>
    /// <response code="401">Missing or wrong token; nothing stored.</response>
    [EnableRateLimiting(RateLimitingSetup.Webhooks)]
    [EndpointName("handleTeleCmiWebhook")]
    [HttpPost]
    [Consumes("application/json", "text/plain", "application/x-www-form-urlencoded")]
    [ProducesResponseType<WebhookReceipt>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<WebhookReceipt> Post([FromQuery] string? token, CancellationToken ct)
    {
        var body = await WebhookBody.ReadAsync(Request, ct);
        return await mediator.Send(new HandleWebhookCommand(token, body), ct);
    }

    /// <summary>Receives a TeleCMI webhook sent as a GET with a query string (TeleCMI's alternative delivery).</summary>
    /// <remarks>Anonymous (the <c>token</c> query parameter authenticates TeleCMI); every other query field is the event.</remarks>
    /// <param name="token">The webhook secret.</param>
    /// <param name="ct">Cancellation.</param>
    [EnableRateLimiting(RateLimitingSetup.Webhooks)]
    [EndpointName("handleTeleCmiWebhookQuery")]
    [HttpGet]
    [ProducesResponseType<WebhookReceipt>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<WebhookReceipt> Get([FromQuery] string? token, CancellationToken ct)
    {
        var fields = Request.Query.Where(q => q.Key != "token").ToDictionary(q => q.Key, q => q.Value.ToString());
        return await mediator.Send(new HandleWebhookCommand(token, JsonSerializer.Serialize(fields)), ct);
    }
}
