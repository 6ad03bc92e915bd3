using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.Application.Calls.HangUpCall;

/// <summary>
/// TeleCMI requests made as one of its users: logs in only when no token is kept, and keeps the token until TeleCMI refuses
/// it. A refused kept token may just have expired (TeleCMI's last 30 days), so one fresh login decides.
/// </summary>
public sealed class TeleCmiUserSession(ITeleCmiGateway gateway, ITeleCmiUserTokens tokens)
{
    /// <summary>Ends the call whose agent leg is <paramref name="agentLegId"/>, as TeleCMI user <paramref name="userId"/>.</summary>
    public async Task<HangUpResult> HangUpAsync(string userId, string password, string agentLegId, CancellationToken ct)
    {
        if (tokens.Find(userId) is { } kept)
        {
            var first = await gateway.HangUpAsync(kept, agentLegId, ct);
            if (first is not HangUpResult.Refused) return first;
            tokens.Forget(userId, kept);
        }
        switch (await gateway.UserLoginAsync(userId, password, ct))
        {
            case UserLoginResult.LoggedIn loggedIn:
                tokens.Remember(userId, loggedIn.Token);
                var result = await gateway.HangUpAsync(loggedIn.Token, agentLegId, ct);
                // A fresh token refused means the token is not the problem; keeping it saves the next login.
                return result;
            case UserLoginResult.Refused refused:
                return new HangUpResult.Refused(refused.Code, refused.Message, LoginRefused: true);
            case UserLoginResult.Unavailable unavailable:
                return new HangUpResult.Unavailable(unavailable.Reason, unavailable.RetryAfter);
            default:
                throw new InvalidOperationException("Unexpected login result.");
        }
    }
}
