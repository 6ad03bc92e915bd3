// The live-stream bench: N subscribers on GET /api/calls/events (as the bench supervisor) while telecallers place
// calls whose stand-in webhooks arrive at about --webhooks-per-second. Latency of an event = when a subscriber read it
// minus the call's updatedAt (set when the service applied the webhook; same machine, same clock). A sample of the
// subscribers parse every event; the others read and drop the bytes (they load the service all the same).
//
//   dotnet SseLoad.dll --url http://127.0.0.1:5399 --fixtures fixtures.json --subscribers 500 --seconds 60
//        [--webhooks-per-second 200] [--webhooks-per-call 6] [--sampled 50] [--out result.json]
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Nodes;

var options = Args(args);
var url = options["url"];
var fixtures = JsonNode.Parse(await File.ReadAllTextAsync(options["fixtures"]))!.AsObject();
var subscribers = int.Parse(options.GetValueOrDefault("subscribers", "500"));
var sampled = Math.Min(subscribers, int.Parse(options.GetValueOrDefault("sampled", "50")));
var seconds = int.Parse(options.GetValueOrDefault("seconds", "60"));
var webhooksPerSecond = double.Parse(options.GetValueOrDefault("webhooks-per-second", "200"));
var webhooksPerCall = double.Parse(options.GetValueOrDefault("webhooks-per-call", "6"));
var password = fixtures["password"]!.GetValue<string>();

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan,
};
var supervisorToken = await SignInAsync(fixtures["supervisor"]!.GetValue<string>());
var agentTokens = new List<string>();
foreach (var agent in fixtures["agents"]!.AsArray()) agentTokens.Add(await SignInAsync(agent!.GetValue<string>()));
var drivers = fixtures["free_drivers"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();

using var stop = new CancellationTokenSource();
var latencies = new List<double>[sampled];
var events = new long[subscribers];
var ended = 0;
var readers = new List<Task>();
for (var i = 0; i < subscribers; i++)
{
    var index = i;
    if (i < sampled) latencies[i] = new List<double>(100_000);
    readers.Add(Task.Run(() => SubscribeAsync(index)));
}
await Task.Delay(3000); // all connected and idle
Console.Error.WriteLine($"{subscribers} subscribers open; placing calls for {seconds} s");

var callsPerSecond = webhooksPerSecond / webhooksPerCall;
var placed = 0;
var refused = 0;
var clock = Stopwatch.StartNew();
var placing = new List<Task>();
for (var n = 0; clock.Elapsed.TotalSeconds < seconds && n < drivers.Count; n++)
{
    var due = TimeSpan.FromSeconds(n / callsPerSecond);
    if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
    placing.Add(PlaceAsync(agentTokens[n % agentTokens.Count], drivers[n]));
}
await Task.WhenAll(placing);
var placingSeconds = clock.Elapsed.TotalSeconds;
await Task.Delay(TimeSpan.FromSeconds(8)); // the last calls' webhooks
stop.Cancel();
await Task.WhenAll(readers);

var all = latencies.SelectMany(l => l).Order().ToArray();
double? P(double q) => all.Length == 0 ? null : Math.Round(all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)], 1);
var result = new JsonObject
{
    ["subscribers"] = subscribers,
    ["sampled_subscribers"] = sampled,
    ["calls_placed"] = placed,
    ["calls_refused"] = refused,
    ["placing_seconds"] = Math.Round(placingSeconds, 1),
    ["target_webhooks_per_second"] = webhooksPerSecond,
    ["events_per_subscriber_mean"] = Math.Round(events.Average(), 1),
    ["events_per_subscriber_min"] = events.Min(),
    ["subscribers_ended_early"] = ended,
    ["latency_samples"] = all.Length,
    ["latency_ms_p50"] = P(0.50),
    ["latency_ms_p90"] = P(0.90),
    ["latency_ms_p99"] = P(0.99),
    ["latency_ms_max"] = P(1.0),
};
var text = result.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(text);
if (options.TryGetValue("out", out var outPath)) await File.WriteAllTextAsync(outPath, text);
return;

async Task<string> SignInAsync(string username)
{
    var response = await http.PostAsJsonAsync("/api/auth/token", new { username, password });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
}

async Task PlaceAsync(string token, string driverId)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/calls") { Content = JsonContent.Create(new { driverId }) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    if (response.IsSuccessStatusCode) Interlocked.Increment(ref placed);
    else Interlocked.Increment(ref refused);
}

async Task SubscribeAsync(int index)
{
    try
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/calls/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", supervisorToken);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
        if (index >= latencies.Length || latencies[index] is null)
        {
            // Read and drop, counting blank lines (event ends) cheaply.
            var buffer = new byte[16 * 1024];
            int read, previous = 0;
            while ((read = await body.ReadAsync(buffer, stop.Token)) > 0)
                for (var b = 0; b < read; b++)
                {
                    if (buffer[b] == '\n' && previous == '\n') events[index]++;
                    previous = buffer[b];
                }
            return;
        }
        await foreach (var item in SseParser.Create(body).EnumerateAsync(stop.Token))
        {
            if (item.EventType != "call") continue;
            var received = DateTime.UtcNow;
            events[index]++;
            using var json = JsonDocument.Parse(item.Data);
            var updatedAt = json.RootElement.GetProperty("updatedAt").GetDateTime().ToUniversalTime();
            latencies[index].Add((received - updatedAt).TotalMilliseconds);
        }
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
    catch (Exception ex)
    {
        Console.Error.WriteLine($"subscriber {index}: {ex.GetType().Name}: {ex.Message}");
    }
    Interlocked.Increment(ref ended);
}

static Dictionary<string, string> Args(string[] args)
{
    var map = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2) map[args[i].TrimStart('-')] = args[i + 1];
    return map;
}
