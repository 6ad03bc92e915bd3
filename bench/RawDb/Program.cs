// The raw-SQL baseline ("the limit"): the SQL the service sends for one request of scenario (1), (2) or (4),
// sent straight to MariaDB by N concurrent workers over a pool of N connections for a fixed time, no HTTP, no
// EF Core. Prints (and writes with --out) one JSON object: requests/s, p50/p90/p99/max in microseconds, errors.
// The SQL lives in Scenarios.cs.
//
// Usage: dotnet bench/RawDb/bin/Release/net10.0/TeleCmi.Bench.RawDb.dll --connection "<cs>" --work bench/.work/<db>
//        --scenario list_agent|list_agent_nototal|list_supervisor|webhooks|initiate [--seconds 30] [--warmup 5] [--workers 32] [--applied-share 0.2] [--out file.json]
//        webhooks: [--batch 8 | --service-batch <run>/webhooks.batch.json] [--writers 2]: the service groups concurrent
//        deliveries into one transaction per batch (ADR 0008); the baseline then runs --writers workers, each writing
//        batches of the service's mean batch size ("requests" counted per delivery). --batch 1: one delivery per
//        request on --workers workers (the intake without grouping).
//        initiate: [--gap-ms 50] an idle wait where the service waits for TeleCMI, not counted in the latency;
//        [--dial-lock 1] the decision as the service makes it since issue 18 (READ COMMITTED transaction whose first
//        statement writes the agent's row, then the facts and the INSERT, then COMMIT); 0: the shape before (facts, then
//        the INSERT on its own), for an A/B of what the lock costs in the database.

using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MySqlConnector;
using TeleCmi.Bench.RawDb;

var a = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i + 1 < args.Length; i += 2) a[args[i].TrimStart('-')] = args[i + 1];
string Arg(string key, string? fallback = null) => a.TryGetValue(key, out var v) ? v : fallback ?? throw new ArgumentException($"--{key} is required");
var scenario = Arg("scenario");
var seconds = int.Parse(Arg("seconds", "30"), CultureInfo.InvariantCulture);
var warmup = int.Parse(Arg("warmup", "5"), CultureInfo.InvariantCulture);
var workers = int.Parse(Arg("workers", "32"), CultureInfo.InvariantCulture);
var appliedShare = double.Parse(Arg("applied-share", "-1"), CultureInfo.InvariantCulture);
var work = Arg("work");
var batch = scenario == "webhooks" ? (int)Math.Round(double.Parse(Arg("batch", "0"), CultureInfo.InvariantCulture)) : 1;
if (scenario == "webhooks" && batch <= 0) batch = Math.Max(1, (int)Math.Round(Fixtures.MeanBatchFrom(Arg("service-batch", "")) ?? 1));
if (batch > 1) workers = int.Parse(Arg("writers", "2"), CultureInfo.InvariantCulture);

var cs = new MySqlConnectionStringBuilder(Arg("connection", Environment.GetEnvironmentVariable("BENCH_DB_CONNECTION")))
{
    MaximumPoolSize = (uint)workers,
    MinimumPoolSize = (uint)workers,
}.ConnectionString;

var fixtures = await Fixtures.LoadAsync(work, cs);
if (appliedShare < 0) appliedShare = Fixtures.AppliedShareFrom(Arg("service-result", "")) ?? 0.2;
var gapMs = int.Parse(Arg("gap-ms", "0"), CultureInfo.InvariantCulture);
var dialLock = Arg("dial-lock", "1") != "0";
var run = new Scenarios(fixtures, appliedShare, batch, gapMs, dialLock).For(scenario);

// Warm the pool and the buffer pool, unrecorded.
await Measure(TimeSpan.FromSeconds(warmup), record: false);
var (latencies, errors, elapsed, firstError) = await Measure(TimeSpan.FromSeconds(seconds), record: true);

latencies.Sort();
long Pct(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100 * latencies.Count) - 1)];
var result = new Dictionary<string, object?>
{
    ["scenario"] = scenario,
    ["workers"] = workers,
    ["seconds"] = Math.Round(elapsed.TotalSeconds, 2),
    ["requests"] = latencies.Count,
    ["rps"] = Math.Round(latencies.Count / elapsed.TotalSeconds, 1),
    ["p50_us"] = Pct(50),
    ["p90_us"] = Pct(90),
    ["p99_us"] = Pct(99),
    ["max_us"] = latencies.Count == 0 ? 0 : latencies[^1],
    ["errors"] = errors,
    ["first_error"] = firstError,
    ["applied_share"] = scenario == "webhooks" ? Math.Round(appliedShare, 3) : null,
    ["batch"] = scenario == "webhooks" ? batch : null,
    ["gap_ms"] = scenario == "initiate" ? gapMs : null,
    ["dial_lock"] = scenario == "initiate" ? dialLock : null,
};
if (scenario == "initiate")
{
    // The calls it placed are not the seed's: remove them, so that later runs see the same table.
    await using var db = new MySqlConnection(cs);
    await db.OpenAsync();
    await using var cleanup = new MySqlCommand(Sql.RawDbCallsDeleted, db);
    result["calls_deleted"] = await cleanup.ExecuteNonQueryAsync();
}
var json = JsonSerializer.Serialize(result);
Console.WriteLine(json);
if (a.TryGetValue("out", out var outPath)) await File.WriteAllTextAsync(outPath, json + "\n");
return errors == 0 ? 0 : 1;

async Task<(List<long> Latencies, long Errors, TimeSpan Elapsed, string? FirstError)> Measure(TimeSpan duration, bool record)
{
    var all = new List<long>[workers];
    long errorCount = 0;
    string? first = null;
    var clock = Stopwatch.StartNew();
    var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
    {
        var mine = all[w] = new List<long>(1 << 16);
        var waited = Scenarios.Waited.Value = new StrongBox<long>();
        var rng = new Random(w * 7919 + (record ? 1 : 0));
        long n = w;
        while (clock.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            waited.Value = 0;
            try
            {
                // One "request": a connection from the pool for its statements, back to the pool after, as the service does.
                await using var db = new MySqlConnection(cs);
                await db.OpenAsync();
                var done = await run(db, rng, n);
                // A batch of deliveries counts as that many requests, each as slow as its batch.
                var took = Stopwatch.GetElapsedTime(start) - Stopwatch.GetElapsedTime(0, waited.Value);
                if (record) for (var i = 0; i < done; i++) mine.Add((long)took.TotalMicroseconds);
            }
            catch (Exception ex) when (ex is MySqlException or InvalidOperationException or TimeoutException)
            {
                Interlocked.Increment(ref errorCount);
                Interlocked.CompareExchange(ref first, ex.Message, null);
            }
            n += workers;
        }
    })).ToArray();
    await Task.WhenAll(tasks);
    var elapsed = clock.Elapsed;
    return (all.SelectMany(l => l).ToList(), errorCount, elapsed, first);
}

internal sealed class Fixtures
{
    public required List<int> AgentIds { get; init; }
    public required int SupervisorId { get; init; }
    public required List<HookCall> HookCalls { get; init; }
    public required List<string> FreeDrivers { get; init; }
    public int SpanDays { get; init; } = 540;

    public static async Task<Fixtures> LoadAsync(string work, string connection)
    {
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "fixtures.json")));
        var root = doc.RootElement;
        var hooks = root.GetProperty("webhook_calls").EnumerateArray().Select(h => new HookCall(
            h.GetProperty("call_id").GetString()!, h.GetProperty("request_id").GetString()!, h.GetProperty("conversation_uuid").GetString()!,
            h.GetProperty("agent_leg").GetString()!, h.GetProperty("driver_leg").GetString()!, h.GetProperty("to").GetString()!,
            h.GetProperty("user").GetString()!, h.GetProperty("talk").GetInt32(), h.GetProperty("time").GetInt64())).ToList();
        await using var db = new MySqlConnection(connection);
        await db.OpenAsync();
        await using var cmd = new MySqlCommand("SELECT Id FROM agents WHERE Username = @u", db);
        cmd.Parameters.AddWithValue("@u", root.GetProperty("supervisor").GetString());
        var supervisor = Convert.ToInt32(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return new Fixtures
        {
            AgentIds = root.GetProperty("agent_ids").EnumerateArray().Select(e => e.GetInt32()).ToList(),
            SupervisorId = supervisor,
            HookCalls = hooks,
            FreeDrivers = root.GetProperty("free_drivers").EnumerateArray().Select(e => e.GetString()!).ToList(),
        };
    }

    /// <summary>The service's mean committed batch of webhook deliveries in its run (bench/run.sh's webhooks.batch.json).</summary>
    public static double? MeanBatchFrom(string path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.TryGetProperty("mean", out var mean) && mean.ValueKind == JsonValueKind.Number ? mean.GetDouble() : null;
    }

    /// <summary>The share of "applied" among the service's webhook results (wrk's JSON), so the baseline does the same mix.</summary>
    public static double? AppliedShareFrom(string wrkJson)
    {
        if (string.IsNullOrEmpty(wrkJson) || !File.Exists(wrkJson)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(wrkJson));
        if (!doc.RootElement.TryGetProperty("webhook_results", out var results)) return null;
        double applied = 0, total = 0;
        foreach (var r in results.EnumerateObject())
        {
            total += r.Value.GetDouble();
            if (r.Name == "applied") applied += r.Value.GetDouble();
        }
        return total > 0 ? applied / total : null;
    }
}
