using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace TeleCmi.StandIn;

/// <summary>
/// TeleCMI's endpoints the service uses, at TeleCMI's own paths (<c>/v2/webrtc/click2call</c>, <c>/v2/play</c>, <c>/v2/user/login</c>, <c>/v2/c2c/hangup</c>, the call records),
/// so that the service's <c>TeleCmi:BaseUrl</c> is the only thing that tells the stand-in from TeleCMI.
/// Scenarios and payloads: README.md in this folder.
/// </summary>
public static class StandInEndpoints
{
    /// <summary>Maps click2call, play, user login, c2c hangup, the call records and <c>/health/live</c>.</summary>
    public static IEndpointRouteBuilder MapTeleCmiStandIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/webrtc/click2call", ClickToCallAsync);
        app.MapGet("/v2/play", Play);
        app.MapPost("/v2/user/login", UserLogin);
        app.MapPost("/v2/c2c/hangup", HangUp);
        app.MapPost("/v2/out_answered", (JsonElement body, SimulatedTeleCmi teleCmi, SimulatorCallRecords records) => AppRecords(body, true, teleCmi, records));
        app.MapPost("/v2/out_missed", (JsonElement body, SimulatedTeleCmi teleCmi, SimulatorCallRecords records) => AppRecords(body, false, teleCmi, records));
        app.MapPost("/v2/user/out_cdr", UserRecords);
        app.MapGet("/health/live", () => Results.Json(new { status = "Healthy" }));
        return app;
    }

    /// <summary>
    /// TeleCMI's click-to-call (admin): rings the user, then the number in <c>to</c>; the last four digits of <c>to</c>
    /// pick the scenario. Webhooks follow every <c>TeleCmi:Simulator:EventSpacingMs</c>.
    /// </summary>
    private static async Task<IResult> ClickToCallAsync(
        [FromBody] JsonElement body, HttpResponse response, SimulatedTeleCmi teleCmi, SimulatorCallQueue calls,
        IOptionsMonitor<StandInOptions> options, IHostApplicationLifetime lifetime)
    {
        var answer = teleCmi.ClickToCall(body);
        var delay = answer.Delay + TimeSpan.FromMilliseconds(options.CurrentValue.ClickToCallLatencyMs);
        // Not the request's token: TeleCMI goes on with the call when the client stops waiting.
        if (delay > TimeSpan.Zero && !await DelayAsync(delay, lifetime.ApplicationStopping))
            return Reply(503, new SimulatorReply(503, "Shutting down"));
        if (answer.Call is not null && !calls.TryEnqueue(answer.Call))
            return Reply(503, new SimulatorReply(503, "Too many calls in progress"));
        if (answer.RetryAfter is { } retryAfter)
            response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Reply(answer.Status, answer.Reply);
    }

    /// <summary>
    /// TeleCMI's recording playback: a 2-second generated tone (audio/wav) for recordings the stand-in issued; TeleCMI's
    /// JSON error <c>{"code":407,"msg":"File not found"}</c> (HTTP 200) for others; HTTP 404 for a wrong app id or secret.
    /// </summary>
    private static IResult Play(string? appid, string? secret, string? file, SimulatedTeleCmi teleCmi, SimulatorRecordings recordings)
    {
        if (!teleCmi.Authenticates(appid, secret)) return Reply(404, new SimulatorReply(404, "Invalid app id or secret"));
        if (!recordings.Has(file)) return Reply(200, new SimulatorReply(407, "File not found"));
        return Results.File(recordings.Audio, "audio/wav");
    }

    /// <summary>TeleCMI's user login: a token for a user of the app with the stand-in's user password; HTTP 404 otherwise.</summary>
    private static IResult UserLogin([FromBody] JsonElement body, SimulatedUsers users)
    {
        var (status, reply) = users.Login(body);
        return Results.Json(reply, statusCode: status, contentType: "application/json");
    }

    /// <summary>
    /// TeleCMI's click-to-call hang-up: ends the live call whose agent leg is <c>cmiuuid</c>, placed by the token's user; its
    /// CDRs follow. HTTP 404 for a token that failed (unknown, expired) or a <c>cmiuuid</c> with no live call, as TeleCMI answers.
    /// </summary>
    private static IResult HangUp([FromBody] JsonElement body, SimulatedUsers users, SimulatorLiveCalls live)
    {
        string? Field(string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;
        var token = Field("token");
        var cmiuuid = Field("cmiuuid");
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(cmiuuid))
            return Reply(400, new SimulatorReply(400, "Parameter missing: token and cmiuuid are required"));
        if (users.UserOf(token) is not { } userId) return Reply(404, new SimulatorReply(404, "Failed to authenticate token"));
        return live.TryHangUp(cmiuuid, userId) ? Reply(200, new SimulatorReply(200, "call ended")) : Reply(404, new SimulatorReply(404, "cmiuuid not found"));
    }

    /// <summary>
    /// TeleCMI's app-wide call records (<c>{"appid","secret","start_date","end_date","page","limit"}</c>, limit at most 20):
    /// <c>{"count","cdr":[...]}</c>; HTTP 404 for a wrong app id or secret.
    /// </summary>
    private static IResult AppRecords(JsonElement body, bool answered, SimulatedTeleCmi teleCmi, SimulatorCallRecords records)
    {
        if (!teleCmi.Authenticates(Field(body, "appid"), Field(body, "secret"))) return Reply(404, new SimulatorReply(404, "Invalid app id or secret"));
        var (status, reply) = records.Page(answered, Number(body, "start_date"), Number(body, "end_date"), (int)(Number(body, "page") ?? 1),
            (int)(Number(body, "limit") ?? 10), 20, userId: null);
        return Results.Json(reply, statusCode: status, contentType: "application/json");
    }

    /// <summary>TeleCMI's per-user call records (<c>{"token","type": 0 missed | 1 answered,"from","to","page","limit"}</c>, limit at most 10).</summary>
    private static IResult UserRecords([FromBody] JsonElement body, SimulatedUsers users, SimulatorCallRecords records)
    {
        if (users.UserOf(Field(body, "token")) is not { } userId) return Reply(404, new SimulatorReply(404, "Failed to authenticate token"));
        var (status, reply) = records.Page(Number(body, "type") == 1, Number(body, "from"), Number(body, "to"), (int)(Number(body, "page") ?? 1),
            (int)(Number(body, "limit") ?? 10), 10, userId);
        return Results.Json(reply, statusCode: status, contentType: "application/json");
    }

    private static string? Field(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static long? Number(JsonElement body, string name) =>
        long.TryParse(Field(body, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // JSON whatever the client asks for, as TeleCMI answers.
    private static IResult Reply(int status, SimulatorReply reply) => Results.Json(reply, statusCode: status, contentType: "application/json");
}
