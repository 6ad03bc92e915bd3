using System.Text.RegularExpressions;
using TeleCmi.Domain.Common;

namespace TeleCmi.Domain.Agents;

/// <summary>A person who signs in to the app: telecaller, supervisor or admin.</summary>
public sealed partial class Agent
{
    private Agent() { }

    /// <summary>Creates an agent. The password must already be hashed.</summary>
    public Agent(string username, string passwordHash, string displayName, PhoneNumber phone, AgentRole role, DateTime nowUtc)
    {
        Username = NormaliseUsername(username);
        PasswordHash = passwordHash;
        DisplayName = displayName.Trim();
        Phone = phone.E164;
        Role = role;
        IsActive = true;
        CreatedAt = UpdatedAt = nowUtc;
    }

    public int Id { get; private set; }
    public string Username { get; private set; } = string.Empty;
    public string PasswordHash { get; private set; } = string.Empty;
    public string DisplayName { get; private set; } = string.Empty;
    /// <summary>E.164 phone number.</summary>
    public string Phone { get; private set; } = string.Empty;
    public AgentRole Role { get; private set; }
    /// <summary>TeleCMI user id, <c>&lt;extension&gt;_&lt;appid&gt;</c>.</summary>
    public string? TeleCmiUserId { get; private set; }
    public bool TeleCmiCallingAllowed { get; private set; }
    public bool IsActive { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>
    /// When the agent last started a TeleCMI dial. Written as the first statement of every dial's decision, so the
    /// database locks the agent's row until that decision commits: an agent's dials are decided one at a time, on any
    /// number of service instances (docs/RELIABILITY.md, "One dial per intent").
    /// </summary>
    public DateTime? LastDialAt { get; private set; }

    [GeneratedRegex(@"^\d{1,10}_\d{1,15}$")]
    private static partial Regex TeleCmiUserIdPattern();

    /// <summary>True when <paramref name="value"/> looks like <c>5003_1111112</c>.</summary>
    public static bool IsValidTeleCmiUserId(string? value) => value is not null && TeleCmiUserIdPattern().IsMatch(value);

    /// <summary>Usernames are case-insensitive; stored lower-case.</summary>
    public static string NormaliseUsername(string username) => username.Trim().ToLowerInvariant();

    public void ConfigureTeleCmi(string? teleCmiUserId, bool callingAllowed, DateTime nowUtc)
    {
        if (teleCmiUserId is not null && !IsValidTeleCmiUserId(teleCmiUserId))
            throw new DomainException("A TeleCMI user id looks like '5003_1111112' (<extension>_<appid>).");
        TeleCmiUserId = string.IsNullOrEmpty(teleCmiUserId) ? null : teleCmiUserId;
        TeleCmiCallingAllowed = callingAllowed;
        UpdatedAt = nowUtc;
    }

    public void Rename(string displayName, DateTime nowUtc) { DisplayName = displayName.Trim(); UpdatedAt = nowUtc; }
    public void ChangePhone(PhoneNumber phone, DateTime nowUtc) { Phone = phone.E164; UpdatedAt = nowUtc; }
    public void ChangeRole(AgentRole role, DateTime nowUtc) { Role = role; UpdatedAt = nowUtc; }
    public void ChangePasswordHash(string passwordHash, DateTime nowUtc) { PasswordHash = passwordHash; UpdatedAt = nowUtc; }
    public void Deactivate(DateTime nowUtc) { IsActive = false; UpdatedAt = nowUtc; }
    public void Activate(DateTime nowUtc) { IsActive = true; UpdatedAt = nowUtc; }
}
