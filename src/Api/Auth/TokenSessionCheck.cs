using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Infrastructure.Persistence.Availability;

namespace TeleCmi.Api.Auth;

/// <summary>
/// Runs on every request with a correctly signed token: the token still stands only if its agent exists, is active,
/// has the security stamp the token carries (no role, password, TeleCMI or active-flag change since it was issued) and
/// the token was not signed out. One query, the request's first database use, so several instances agree at once.
/// </summary>
public static class TokenSessionCheck
{
    /// <summary>Fails <paramref name="context"/> unless the token's session is still current.</summary>
    public static async Task ValidateAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var sub = principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var stamp = principal?.FindFirst(ClaimNames.SecurityStamp)?.Value;
        var tokenId = principal?.FindFirst(JwtRegisteredClaimNames.Jti)?.Value;
        // A token without a stamp or id was not issued by this version of the service: it cannot be checked or ended.
        if (!int.TryParse(sub, out var agentId) || string.IsNullOrEmpty(stamp) || string.IsNullOrEmpty(tokenId))
        {
            context.Fail("The token does not name a session.");
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<IAppDbContext>();
        var ct = context.HttpContext.RequestAborted;
        try
        {
            // The request's first database use: its connection serves the handler's queries too.
            await db.KeepConnectionOpenAsync(ct);
            var current = await db.Agents.AsNoTracking().AnyAsync(a => a.Id == agentId && a.IsActive && a.SecurityStamp == stamp
                && !db.RevokedTokens.Any(t => t.TokenId == tokenId), ct);
            if (!current) context.Fail("The session has ended: the account changed, was disabled, or signed out.");
        }
        catch (Exception ex) when (DatabaseFailure.IsUnavailability(ex))
        {
            // Thrown from here, JwtBearer would log it at Error for every request of an outage. Failing keeps it quiet;
            // OnChallenge rethrows it, so the caller gets 503, not a 401 that signs them out.
            context.Fail(ex);
        }
    }
}
