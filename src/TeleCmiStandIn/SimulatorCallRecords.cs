using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TeleCmi.StandIn;

/// <summary>
/// TeleCMI's call records of the calls the stand-in played (answered or missed, one per call, written when the call
/// ends), served as <c>/v2/out_answered</c>, <c>/v2/out_missed</c> and <c>/v2/user/out_cdr</c> answer them: no
/// <c>request_id</c>, no <c>extra_params</c>; <c>cmiuid</c> is the agent leg's <c>cmiuuid</c>; field types vary
/// (<c>to</c> a number, <c>from</c> a string, <c>time</c> now a number, now a string).
/// </summary>
public sealed class SimulatorCallRecords(IOptionsMonitor<StandInOptions> options, TimeProvider clock)
{
    private const string VirtualNumber = "918069000000";
    private readonly ConcurrentQueue<Entry> entries = new();
    private int requests;

    private sealed record Entry(bool Answered, string CmiUid, string UserId, string ToDigits, long TimeMs, int Duration, int Billed, string? File);

    /// <summary>Keeps the record of <paramref name="call"/> from the webhooks it played (posted or, in scenario 0007, not).</summary>
    public void Add(SimulatedCall call, IReadOnlyList<JsonObject> played)
    {
        if (!options.CurrentValue.KeepCallRecords) return;
        var cdrs = played.Where(b => (string?)b["type"] == "cdr").ToList();
        if (cdrs.Count == 0) return;
        var placed = call.PlacedAt.ToUnixTimeMilliseconds();
        var end = cdrs.Max(b => long.Parse(b["time"]!.ToString(), CultureInfo.InvariantCulture));
        var driver = cdrs.FirstOrDefault(b => (string?)b["leg"] == "b" && (string?)b["status"] == "answered");
        var billed = driver is null ? 0 : int.Parse(driver["answeredsec"]!.ToString(), CultureInfo.InvariantCulture);
        entries.Enqueue(new Entry(driver is not null, call.AgentLegId, call.UserId, call.ToDigits, placed, (int)((end - placed) / 1000), billed,
            (string?)driver?["filename"]));
    }

    /// <summary>
    /// A page of records started in [<paramref name="fromMs"/>, <paramref name="toMs"/>] (default: the last 24 hours),
    /// newest first, optionally of one user; HTTP 500 for the first <see cref="StandInOptions.CallRecordsFailFirst"/> requests.
    /// </summary>
    public (int Status, object Reply) Page(bool answered, long? fromMs, long? toMs, int page, int limit, int maxLimit, string? userId)
    {
        if (Interlocked.Increment(ref requests) <= options.CurrentValue.CallRecordsFailFirst)
            return (500, new SimulatorReply(500, "Internal server error"));
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var from = fromMs ?? now - 24 * 3600 * 1000L;
        var to = toMs ?? now;
        limit = Math.Clamp(limit <= 0 ? 10 : limit, 1, maxLimit);
        page = Math.Max(page, 1);
        var matching = entries.Where(e => e.Answered == answered && e.TimeMs >= from && e.TimeMs <= to && (userId is null || e.UserId == userId))
            .OrderByDescending(e => e.TimeMs).ToList();
        var shape = 0;
        var cdr = new JsonArray(matching.Skip((page - 1) * limit).Take(limit).Select(e => (JsonNode)Record(e, userId is null, shape++)).ToArray());
        return (200, new JsonObject { ["count"] = matching.Count, ["cdr"] = cdr });
    }

    private static JsonObject Record(Entry e, bool withAgent, int shape)
    {
        var body = new JsonObject
        {
            ["cmiuid"] = e.CmiUid,
            ["duration"] = e.Duration,
            ["billedsec"] = e.Billed,
            ["rate"] = 0,
            ["name"] = "unknown",
            ["from"] = VirtualNumber,
            ["to"] = long.TryParse(e.ToDigits, out var to) ? to : e.ToDigits,
            ["time"] = shape % 2 == 0 ? e.TimeMs : e.TimeMs.ToString(CultureInfo.InvariantCulture),
        };
        if (withAgent) body["agent"] = e.UserId;
        if (e.File is not null)
        {
            body["filename"] = e.File;
            body["record"] = shape % 2 == 0 ? "true" : true;
        }
        return body;
    }
}
