using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TeleCmi.StandIn;

/// <summary>What the stand-in answers to a click2call, and the call it places (if any) once it has answered.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Reply">TeleCMI's JSON body.</param>
/// <param name="Delay">How long TeleCMI takes to answer.</param>
/// <param name="Call">The call placed, whose webhooks follow.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header, for "unavailable" answers.</param>
public sealed record SimulatorAnswer(int Status, SimulatorReply Reply, TimeSpan Delay = default, SimulatedCall? Call = null, TimeSpan? RetryAfter = null);

/// <summary>The stand-in's TeleCMI: checks credentials as TeleCMI does and decides each call's fate from the number dialled.</summary>
public sealed class SimulatedTeleCmi(IOptionsMonitor<StandInAccountOptions> options, SimulatorRecordings recordings, TimeProvider clock, ILogger<SimulatedTeleCmi> logger)
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Answers <c>POST /v2/webrtc/click2call</c>.</summary>
    public SimulatorAnswer ClickToCall(JsonElement body)
    {
        var userId = Text(body, "user_id");
        var to = Text(body, "to");
        if (string.IsNullOrEmpty(userId) || Text(body, "secret") is null || string.IsNullOrEmpty(to))
            return new(400, new SimulatorReply(400, "Parameter missing: user_id, secret and to are required"));
        var appId = options.CurrentValue.AppId;
        if (!SecretMatches(Text(body, "secret")) || (!string.IsNullOrEmpty(appId) && !userId.EndsWith("_" + appId, StringComparison.Ordinal)))
            return new(404, new SimulatorReply(404, "Invalid user id or secret"));
        if (to.Length is < 8 or > 15 || !to.All(char.IsAsciiDigit))
            return new(404, new SimulatorReply(404, "Invalid number"));

        var scenario = SimulatorScenarios.ForNumber(to);
        var requestId = RandomId(43);
        logger.LogInformation("TeleCMI stand-in: click2call by {UserId} to {To}: scenario {Scenario}, request id {RequestId}",
            userId, NumberMask.Mask(to), scenario, requestId);
        var accepted = new SimulatorReply(200, "Call initiated", requestId);
        return scenario switch
        {
            SimulatorScenario.Refused => new(200, new SimulatorReply(404, "Invalid number")),
            SimulatorScenario.Down => new(503, new SimulatorReply(503, "Service temporarily unavailable"), RetryAfter: TimeSpan.FromSeconds(10)),
            // Past the gateway's per-attempt timeout, yet the call goes ahead: a timeout does not mean no call.
            SimulatorScenario.Slow => new(200, accepted, TimeSpan.FromSeconds(options.CurrentValue.AttemptTimeoutSeconds + 2),
                Place(scenario, requestId, userId, to, body)),
            _ => new(200, accepted, Call: Place(scenario, requestId, userId, to, body)),
        };
    }

    /// <summary>True when <paramref name="appId"/> and <paramref name="secret"/> are this app's, as <c>/v2/play</c> requires.</summary>
    public bool Authenticates(string? appId, string? secret) =>
        SecretMatches(secret) && (string.IsNullOrEmpty(options.CurrentValue.AppId) || appId == options.CurrentValue.AppId);

    private SimulatedCall Place(SimulatorScenario scenario, string requestId, string userId, string to, JsonElement body)
    {
        // Echoed verbatim on every webhook, as TeleCMI does with whatever it was given.
        var extra = body.TryGetProperty("extra_params", out var e) && e.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(e.GetRawText())!.AsObject() : new JsonObject();
        var placedAt = clock.GetUtcNow();
        var file = scenario is SimulatorScenario.Answered or SimulatorScenario.Slow or SimulatorScenario.Disorderly or SimulatorScenario.TalksUntilHungUp or SimulatorScenario.NoWebhooks
            ? $"{placedAt.ToUnixTimeMilliseconds()}_{RecordingStem(extra, requestId)}.wav" : null;
        if (file is not null) recordings.Issue(file);
        var appId = options.CurrentValue.AppId is { Length: > 0 } configured ? configured : userId.Split('_').Last();
        return new SimulatedCall(scenario, requestId, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString(),
            Guid.NewGuid().ToString(), userId, appId, to, extra, placedAt, TalkSeconds: Random.Shared.Next(20, 240), file);
    }

    /// <summary>Our call id when it is a safe file-name part (it is, from our gateway), else TeleCMI's request id.</summary>
    private static string RecordingStem(JsonObject extra, string requestId) =>
        extra["call_id"] is JsonValue v && v.TryGetValue<string>(out var callId)
        && callId.Length is > 0 and <= 64 && callId.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? callId : requestId;

    private bool SecretMatches(string? presented)
    {
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? "\0"));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(options.CurrentValue.AppSecret ?? ""));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string RandomId(int length) => string.Create(length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Base62[RandomNumberGenerator.GetInt32(Base62.Length)];
    });
}
