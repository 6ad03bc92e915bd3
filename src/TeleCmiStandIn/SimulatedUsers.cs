using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TeleCmi.StandIn;

/// <summary>
/// TeleCMI's users as the stand-in knows them: every user id of the app (<c>&lt;extension&gt;_&lt;AppId&gt;</c>) with the one
/// password <see cref="StandInOptions.UserPassword"/>; the tokens their logins were given, each accepted for
/// <see cref="StandInOptions.UserTokenLifetimeSeconds"/>.
/// </summary>
public sealed class SimulatedUsers(IOptionsMonitor<StandInAccountOptions> account, IOptionsMonitor<StandInOptions> simulator, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (string UserId, DateTimeOffset Issued)> tokens = new(StringComparer.Ordinal);

    /// <summary>Answers <c>POST /v2/user/login</c> (<c>{"id", "password"}</c>).</summary>
    public (int Status, object Reply) Login(JsonElement body)
    {
        var id = Text(body, "id");
        var password = Text(body, "password");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(password))
            return (400, new SimulatorReply(400, "Parameter missing: id and password are required"));
        var appId = account.CurrentValue.AppId;
        if ((!string.IsNullOrEmpty(appId) && !id.EndsWith("_" + appId, StringComparison.Ordinal)) || !PasswordMatches(password))
            return (404, new SimulatorReply(404, "Invalid user id or password, authentication failed"));
        var token = $"{Guid.NewGuid()}";
        tokens[token] = (id, clock.GetUtcNow());
        var extension = id.Split('_')[0];
        return (200, new
        {
            code = 200,
            msg = "User loged in successfully",
            token,
            agent = new { category = "inr", id, inet_no = long.TryParse(appId, out var n) ? n : 0, name = $"User {extension}" },
        });
    }

    /// <summary>The user a token was issued to, or null when it is unknown or has expired.</summary>
    public string? UserOf(string? token)
    {
        if (token is null || !tokens.TryGetValue(token, out var issued)) return null;
        if (clock.GetUtcNow() - issued.Issued < TimeSpan.FromSeconds(simulator.CurrentValue.UserTokenLifetimeSeconds)) return issued.UserId;
        tokens.TryRemove(token, out _);
        return null;
    }

    private bool PasswordMatches(string presented) => CryptographicOperations.FixedTimeEquals(
        SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(simulator.CurrentValue.UserPassword ?? "")));

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
