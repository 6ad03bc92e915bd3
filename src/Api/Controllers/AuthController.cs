using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TeleCmi.Api.Contracts;
using TeleCmi.Api.Infrastructure;
using TeleCmi.Application.Auth.IssueToken;
using TeleCmi.Application.Auth.SignOut;

namespace TeleCmi.Api.Controllers;

/// <summary>Signing in and out.</summary>
[ApiController]
[Route("api/auth")]
public sealed class AuthController(IMediator mediator) : ControllerBase
{
    /// <summary>Exchanges a username (or the agent's phone number) and password for a bearer token.</summary>
    /// <remarks>Anonymous. Rate-limited per client address (429 with <c>Retry-After</c>). The token lasts <c>expiresIn</c> seconds; sign in again on 401.</remarks>
    /// <response code="200">The token: send it as <c>Authorization: Bearer &lt;accessToken&gt;</c>.</response>
    /// <response code="400">Username or password missing.</response>
    /// <response code="401">Wrong username, phone number or password (the same answer for each).</response>
    [EnableRateLimiting(RateLimitingSetup.SignIn)]
    [EndpointName("signIn")]
    [HttpPost("token")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<TokenResponse> Token(SignInRequest request, CancellationToken ct) =>
        await mediator.Send(new IssueTokenCommand(request.Username ?? string.Empty, request.Password ?? string.Empty), ct);

    /// <summary>Signs out: the token sent with this request stops working at once, on every instance.</summary>
    /// <remarks>Only this token ends; the agent's tokens on other devices stay valid until they expire or the agent's rights change.</remarks>
    /// <response code="204">Signed out.</response>
    /// <response code="401">No valid token (already signed out, expired, or issued before the agent's rights changed).</response>
    [Authorize]
    [EndpointName("signOut")]
    [HttpPost("logout")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public async Task<IActionResult> Logout(CancellationToken ct)
    {
        await mediator.Send(new SignOutCommand(), ct);
        return NoContent();
    }
}
