using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TeleCmi.Api.Contracts;
using TeleCmi.Api.Infrastructure;
using TeleCmi.Application.Auth.IssueToken;

namespace TeleCmi.Api.Controllers;

/// <summary>Signing in.</summary>
[ApiController]
[Route("api/auth")]
public sealed class AuthController(IMediator mediator) : ControllerBase
{
    /// <summary>Exchanges a username and password for a bearer token.</summary>
    /// <remarks>Anonymous. Rate-limited per client address (429 with <c>Retry-After</c>). The token lasts <c>expiresIn</c> seconds; sign in again on 401.</remarks>
    /// <response code="200">The token: send it as <c>Authorization: Bearer &lt;accessToken&gt;</c>.</response>
    /// <response code="400">Username or password missing.</response>
    /// <response code="401">Wrong username or password (the same answer for both).</response>
    [EnableRateLimiting(RateLimitingSetup.SignIn)]
    [EndpointName("signIn")]
    [HttpPost("token")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<TokenResponse> Token(SignInRequest request, CancellationToken ct) =>
        await mediator.Send(new IssueTokenCommand(request.Username ?? string.Empty, request.Password ?? string.Empty), ct);
}
