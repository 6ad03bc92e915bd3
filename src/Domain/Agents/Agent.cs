using System.Security.Cryptography;
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
        SecurityStamp = NewSecurityStamp();
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

    /// <summary>
    /// The agent's TeleCMI user password, encrypted (ASP.NET Core Data Protection) before it reaches the domain; null when
    /// none is set. Needed only to hang up a call (TeleCMI's hang-up takes a user token from the user's own login).
    /// </summary>
    public string? TeleCmiPasswordCipher { get; private set; }

    /// <summary>Longest <see cref="TeleCmiPasswordCipher"/> stored.</summary>
    public const int TeleCmiPasswordCipherMaxLength = 1024;

    /// <summary>True when a TeleCMI password is stored.</summary>
    public bool HasTeleCmiPassword => TeleCmiPasswordCipher is not null;
    public bool IsActive { get; private set; }

    /// <summary>
    /// The platform's id for this person (the trucking platform's user id, e.g. <c>3</c>), unique when set. The seed's
    /// routes compare the <c>caller_id</c> the app sends with it.
    /// </summary>
    public string? ExternalId { get; private set; }

    /// <summary>Longest <see cref="ExternalId"/>.</summary>
    public const int ExternalIdMaxLength = 64;

    /// <summary>
    /// Random value written into every token issued to this agent. It changes whenever what the agent may do changes
    /// (role, password, TeleCMI settings, active flag), and a token whose stamp differs is refused: a token carries the
    /// rights it was issued for, never more.
    /// </summary>
    public string SecurityStamp { get; private set; } = string.Empty;

    /// <summary>Length of a <see cref="SecurityStamp"/> (hex digits of 128 random bits).</summary>
    public const int SecurityStampLength = 32;

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>
    /// When the agent last started a TeleCMI dial. Written as the first statement of every dial's decision, so the
    /// database locks the agent's row until that decision commits: an agent's dials are decided one at a time, on any
    /// number of service instances (docs/RELIABILITY.md, "One dial per intent").
    /// </summary>
    public DateTime? LastDialAt { get; private set; }

    [GeneratedRegex(@"^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex ExternalIdPattern();

    /// <summary>True for 1 to 64 letters, digits, dot, underscore, colon or dash (<c>3</c>, <c>user_42</c>).</summary>
    public static bool IsValidExternalId(string? value) => value is not null && ExternalIdPattern().IsMatch(value);

    /// <summary>
    /// Sets or clears (null or empty) the platform's id. It names who the agent is on the platform, not what they may do,
    /// so the agent's sessions go on.
    /// </summary>
    public void SetExternalId(string? externalId, DateTime nowUtc)
    {
        var value = string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim();
        if (value is not null && !IsValidExternalId(value))
            throw new DomainException("An external id is 1 to 64 letters, digits, '.', '_', ':' or '-'.");
        if (value == ExternalId) return;
        ExternalId = value;
        UpdatedAt = nowUtc;
    }

    [GeneratedRegex(@"^\d{1,10}_\d{1,15}$")]
    private static partial Regex TeleCmiUserIdPattern();

    /// <summary>True when <paramref name="value"/> looks like <c>5003_1111112</c>.</summary>
    public static bool IsValidTeleCmiUserId(string? value) => value is not null && TeleCmiUserIdPattern().IsMatch(value);

    /// <summary>Usernames are case-insensitive; stored lower-case.</summary>
    public static string NormaliseUsername(string username) => username.Trim().ToLowerInvariant();

    /// <summary>
    /// Sets the TeleCMI user id and permission. Either changing ends the agent's sessions: the permission is a right, and
    /// the user id is the TeleCMI account their calls are placed as.
    /// </summary>
    public void ConfigureTeleCmi(string? teleCmiUserId, bool callingAllowed, DateTime nowUtc)
    {
        if (teleCmiUserId is not null && !IsValidTeleCmiUserId(teleCmiUserId))
            throw new DomainException("A TeleCMI user id looks like '5003_1111112' (<extension>_<appid>).");
        var userId = string.IsNullOrEmpty(teleCmiUserId) ? null : teleCmiUserId;
        if (userId != TeleCmiUserId || callingAllowed != TeleCmiCallingAllowed) RotateSecurityStamp();
        TeleCmiUserId = userId;
        TeleCmiCallingAllowed = callingAllowed;
        UpdatedAt = nowUtc;
    }

    /// <summary>
    /// Stores (or, with null, removes) the encrypted TeleCMI password. It grants nothing in this service, so sessions go on.
    /// </summary>
    public void SetTeleCmiPassword(string? cipherText, DateTime nowUtc)
    {
        if (cipherText is { Length: 0 or > TeleCmiPasswordCipherMaxLength })
            throw new DomainException("The encrypted TeleCMI password is empty or too long.");
        if (cipherText == TeleCmiPasswordCipher) return;
        TeleCmiPasswordCipher = cipherText;
        UpdatedAt = nowUtc;
    }

    public void Rename(string displayName, DateTime nowUtc) { DisplayName = displayName.Trim(); UpdatedAt = nowUtc; }
    public void ChangePhone(PhoneNumber phone, DateTime nowUtc) { Phone = phone.E164; UpdatedAt = nowUtc; }

    /// <summary>Changes the role; a real change ends the agent's sessions.</summary>
    public void ChangeRole(AgentRole role, DateTime nowUtc)
    {
        if (role != Role) RotateSecurityStamp();
        Role = role;
        UpdatedAt = nowUtc;
    }

    /// <summary>
    /// Sets a new password hash and always ends the agent's sessions: a hash is salted, so "the same password" cannot be
    /// told apart, and a reset is usually done because someone else may know the old one.
    /// </summary>
    public void ChangePasswordHash(string passwordHash, DateTime nowUtc)
    {
        PasswordHash = passwordHash;
        RotateSecurityStamp();
        UpdatedAt = nowUtc;
    }

    /// <summary>Disables the account and ends its sessions.</summary>
    public void Deactivate(DateTime nowUtc)
    {
        if (IsActive) RotateSecurityStamp();
        IsActive = false;
        UpdatedAt = nowUtc;
    }

    /// <summary>Enables the account. Tokens issued before it was disabled stay dead: the stamp moves again.</summary>
    public void Activate(DateTime nowUtc)
    {
        if (!IsActive) RotateSecurityStamp();
        IsActive = true;
        UpdatedAt = nowUtc;
    }

    private void RotateSecurityStamp() => SecurityStamp = NewSecurityStamp();

    private static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(SecurityStampLength / 2));
}
