using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Common.Interfaces;

/// <summary>Issues signed access tokens.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(Agent agent);
}

/// <summary>A signed access token and its lifetime in seconds.</summary>
public sealed record AccessToken(string Token, int ExpiresInSeconds);
