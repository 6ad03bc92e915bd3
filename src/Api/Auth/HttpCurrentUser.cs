using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Agents;

namespace TeleCmi.Api.Auth;

/// <summary>The signed-in agent, read from the validated token's claims.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } p ? p : null;

    public int? AgentId =>
        int.TryParse(Principal?.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public AgentRole? Role => Enum.TryParse<AgentRole>(Principal?.FindFirstValue(ClaimNames.Role), out var role) ? role : null;

    public string? TokenId => Principal?.FindFirstValue(JwtRegisteredClaimNames.Jti);

    public DateTime? TokenExpiresAt =>
        long.TryParse(Principal?.FindFirstValue(JwtRegisteredClaimNames.Exp), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime : null;
}
