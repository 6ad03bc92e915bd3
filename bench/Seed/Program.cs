// Seeds the benchmark database: 50 telecallers + a supervisor + an admin, N drivers and N call logs spread over
// the last M months, with bulk multi-row INSERTs (1,000 rows a statement, 5 statements a transaction, two
// writer connections). The schema must already exist: bench/run.sh lets the service create it with its own
// migrations (Database__MigrateOnStartup=true), so the columns always match main.
//
// Idempotent: agents and drivers are INSERT IGNOREd; calls are skipped when the table already holds at
// least --calls rows (a partial earlier seed is truncated and redone). Always (re)writes the fixtures the
// load scripts read, taken from the database, not from memory, so they are right after a skipped seed too.
//
// Usage: dotnet bench/Seed/bin/Release/net10.0/TeleCmi.Bench.Seed.dll --connection "<cs>" --out bench/.work/<db>
//        [--calls 1000000] [--agents 50] [--drivers 100000] [--months 18] [--password <agents' password>] [--random-seed 7]

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MySqlConnector;
using TeleCmi.Infrastructure.Identity;

var options = SeedOptions.Parse(args);
var seeder = new Seeder(options);
await seeder.RunAsync();

internal sealed record SeedOptions(string Connection, string OutDir, int Calls, int Agents, int Drivers, int Months, string Password, int RandomSeed)
{
    public static SeedOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            map[args[i][2..]] = args[i + 1];
        }
        string Get(string key, string? fallback) =>
            map.TryGetValue(key, out var v) ? v : fallback ?? throw new ArgumentException($"--{key} is required.");
        int Int(string key, int fallback) => int.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new SeedOptions(
            Get("connection", Environment.GetEnvironmentVariable("BENCH_DB_CONNECTION")),
            Get("out", "bench/.work"),
            Int("calls", 1_000_000), Int("agents", 50), Int("drivers", 100_000), Int("months", 18),
            Get("password", "bench-agent-pass"), Int("random-seed", 7));
    }
}

internal sealed class Seeder(SeedOptions o)
{
    private const int RowsPerStatement = 1000;
    private const int StatementsPerTransaction = 5;
    private const string AppId = "1111112";

    private static readonly string[] FirstNames = ["Ramesh", "Suresh", "Mahesh", "Gurpreet", "Abdul", "Vijay", "Manoj", "Karthik", "Prakash", "Anil",
        "Sanjay", "Rajesh", "Deepak", "Harpreet", "Imran", "Sunil", "Ashok", "Naveen", "Ravi", "Mohan", "Arjun", "Balwinder", "Dinesh", "Ganesh"];
    private static readonly string[] LastNames = ["Yadav", "Kumar", "Patil", "Singh", "Rahman", "Sharma", "Tiwari", "Raj", "Rao", "Verma",
        "Gupta", "Reddy", "Naidu", "Khan", "Jadhav", "Gill", "Chauhan", "Pillai", "Mishra", "Pandey"];
    private static readonly string[] Feedbacks = ["Will load from Nagpur tomorrow", "Asked for a better rate", "Truck under repair",
        "Available next week", "Interested in the Pune-Mumbai lane", "Wants advance payment", "Already on a trip", "Call in the evening",
        "Number belongs to the owner, not the driver", "Needs documents first"];

    // IST hour weights (index = hour of day): office hours dominate, nights are almost empty.
    private static readonly double[] HourWeights = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 9, 10, 10, 9.5, 6, 8.5, 9.5, 9.5, 9, 7, 4, 2, 1, 0.5, 0.3];

    private readonly Random rng = new(o.RandomSeed);
    private readonly DateTime now = DateTime.UtcNow;

    public async Task RunAsync()
    {
        await using var db = await OpenAsync();
        await RequireSchemaAsync(db);
        var agents = await SeedAgentsAsync(db);
        var drivers = await SeedDriversAsync(db);
        await SeedCallsAsync(db, agents, drivers);
        await WriteFixturesAsync(db, agents);
    }

    private async Task<MySqlConnection> OpenAsync()
    {
        var cs = new MySqlConnectionStringBuilder(o.Connection) { AllowUserVariables = true, DefaultCommandTimeout = 600 };
        var db = new MySqlConnection(cs.ConnectionString);
        await db.OpenAsync();
        await Exec(db, "SET SESSION foreign_key_checks = 0, unique_checks = 0");
        return db;
    }

    private static async Task<long> Scalar(MySqlConnection db, string sql)
    {
        await using var cmd = new MySqlCommand(sql, db);
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static async Task Exec(MySqlConnection db, string sql, MySqlTransaction? tx = null)
    {
        await using var cmd = new MySqlCommand(sql, db, tx);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task RequireSchemaAsync(MySqlConnection db)
    {
        var tables = await Scalar(db, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('agents','drivers','call_logs','webhook_deliveries')");
        if (tables < 4)
            throw new InvalidOperationException("The schema is missing: start the service once against this database with Database__MigrateOnStartup=true (bench/run.sh does).");
    }

    // ---------------------------------------------------------------- agents
    internal sealed record AgentRow(int Id, string Username, string Role, string? TeleCmiUserId);

    // Each agent's security stamp, as the service sets one at creation: its tokens carry it.
    private static string Stamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();

    private async Task<List<AgentRow>> SeedAgentsAsync(MySqlConnection db)
    {
        var hash = new AspNetPasswordHasher().Hash(o.Password); // once: PBKDF2 is slow on purpose
        var sb = new StringBuilder("INSERT IGNORE INTO agents (Username, PasswordHash, DisplayName, Phone, Role, TeleCmiUserId, TeleCmiCallingAllowed, IsActive, SecurityStamp, CreatedAt, UpdatedAt) VALUES ");
        var created = Sql.Time(now.AddMonths(-o.Months - 1));
        for (var i = 1; i <= o.Agents; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"('bench-agent-{i:D2}',{Sql.Str(hash)},'Bench Agent {i:D2}','+9197000{i:D5}','Telecaller','50{i:D2}_{AppId}',1,1,{Sql.Str(Stamp())},{created},{created}),");
        }
        sb.Append(CultureInfo.InvariantCulture, $"('bench-supervisor',{Sql.Str(hash)},'Bench Supervisor','+919700100001','Supervisor',NULL,0,1,{Sql.Str(Stamp())},{created},{created}),");
        sb.Append(CultureInfo.InvariantCulture, $"('bench-admin',{Sql.Str(hash)},'Bench Admin','+919700100002','Admin',NULL,0,1,{Sql.Str(Stamp())},{created},{created})");
        await Exec(db, sb.ToString());

        var agents = new List<AgentRow>();
        await using (var cmd = new MySqlCommand("SELECT Id, Username, Role, TeleCmiUserId FROM agents WHERE Username LIKE 'bench-%' ORDER BY Username", db))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
                agents.Add(new AgentRow(r.GetInt32(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        Console.WriteLine($"agents: {agents.Count(a => a.Role == "Telecaller")} telecallers, {agents.Count - agents.Count(a => a.Role == "Telecaller")} others");
        return agents;
    }

    // ---------------------------------------------------------------- drivers
    internal sealed record DriverRow(string Id, string Name, string Phone, string? TmId);

    private static string DriverId(int i) => $"BDRV-{i:D6}";
    // +91 98 + six digits of i + "77": unique, a valid Indian mobile, and never ending in 0001..0006 (the
    // stand-in's failure scenarios pick on the last four digits).
    private static string DriverPhone(int i) => $"+9198{i:D6}77";

    private async Task<DriverRow[]> SeedDriversAsync(MySqlConnection db)
    {
        var drivers = new DriverRow[o.Drivers];
        var driverRng = new Random(o.RandomSeed + 1);
        for (var i = 0; i < o.Drivers; i++)
        {
            var name = $"{FirstNames[driverRng.Next(FirstNames.Length)]} {LastNames[driverRng.Next(LastNames.Length)]}";
            drivers[i] = new DriverRow(DriverId(i + 1), name, DriverPhone(i + 1), driverRng.NextDouble() < 0.6 ? $"TM{100000 + i}" : null);
        }
        var existing = await Scalar(db, "SELECT COUNT(*) FROM drivers WHERE Id LIKE 'BDRV-%'");
        if (existing >= o.Drivers)
        {
            Console.WriteLine($"drivers: {existing} already there, skipped");
            return drivers;
        }
        var sw = Stopwatch.StartNew();
        var created = Sql.Time(now.AddMonths(-o.Months - 1));
        for (var start = 0; start < o.Drivers; start += RowsPerStatement)
        {
            var sb = new StringBuilder("INSERT IGNORE INTO drivers (Id, Name, Phone, TmId, Kind, CreatedAt, UpdatedAt) VALUES ");
            for (var i = start; i < Math.Min(o.Drivers, start + RowsPerStatement); i++)
            {
                var d = drivers[i];
                if (i > start) sb.Append(',');
                sb.Append(CultureInfo.InvariantCulture, $"('{d.Id}',{Sql.Str(d.Name)},'{d.Phone}',{Sql.Str(d.TmId)},'{(i % 10 == 9 ? "Transporter" : "Driver")}',{created},{created})");
            }
            await Exec(db, sb.ToString());
        }
        Console.WriteLine($"drivers: {o.Drivers} in {sw.Elapsed.TotalSeconds:F1} s ({o.Drivers / sw.Elapsed.TotalSeconds:F0} rows/s)");
        return drivers;
    }

    // ---------------------------------------------------------------- calls
    private async Task SeedCallsAsync(MySqlConnection db, List<AgentRow> agents, DriverRow[] drivers)
    {
        var existing = await Scalar(db, "SELECT COUNT(*) FROM call_logs");
        if (existing >= o.Calls)
        {
            Console.WriteLine($"calls: {existing} already there (>= {o.Calls}), seeding skipped");
            return;
        }
        if (existing > 0)
        {
            Console.WriteLine($"calls: {existing} from an unfinished seed: truncating call_logs and webhook_deliveries and seeding again");
            await Exec(db, "TRUNCATE TABLE webhook_deliveries");
            await Exec(db, "TRUNCATE TABLE call_logs");
        }
        var telecallers = agents.Where(a => a.Role == "Telecaller").ToArray();
        var times = CreatedTimes();

        var sw = Stopwatch.StartNew();
        var batches = Channel.CreateBounded<string>(8);
        var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var conn = await OpenAsync();
            var inTx = 0;
            MySqlTransaction? tx = null;
            await foreach (var sql in batches.Reader.ReadAllAsync())
            {
                tx ??= await conn.BeginTransactionAsync();
                await Exec(conn, sql, tx);
                if (++inTx == StatementsPerTransaction) { await tx.CommitAsync(); await tx.DisposeAsync(); tx = null; inTx = 0; }
            }
            if (tx is not null) { await tx.CommitAsync(); await tx.DisposeAsync(); }
        })).ToArray();

        var sb = new StringBuilder();
        var inStatement = 0;
        var lastReport = Stopwatch.StartNew();
        for (var i = 0; i < times.Length; i++)
        {
            if (inStatement == 0) sb.Append(CallInsertHead);
            else sb.Append(',');
            AppendCall(sb, times[i], telecallers[rng.Next(telecallers.Length)], drivers[rng.Next(drivers.Length)]);
            if (++inStatement == RowsPerStatement || i == times.Length - 1)
            {
                await batches.Writer.WriteAsync(sb.ToString());
                sb.Clear();
                inStatement = 0;
            }
            if (lastReport.Elapsed.TotalSeconds >= 10)
            {
                Console.WriteLine($"calls: {i + 1} generated, {(i + 1) / sw.Elapsed.TotalSeconds:F0} rows/s");
                lastReport.Restart();
            }
        }
        batches.Writer.Complete();
        await Task.WhenAll(writers);
        Console.WriteLine($"calls: {times.Length} in {sw.Elapsed.TotalSeconds:F1} s ({times.Length / sw.Elapsed.TotalSeconds:F0} rows/s)");

        var analyze = Stopwatch.StartNew();
        await Exec(db, "ANALYZE TABLE agents, drivers, call_logs, webhook_deliveries");
        Console.WriteLine($"ANALYZE TABLE: {analyze.Elapsed.TotalSeconds:F1} s");
        await using var cmd = new MySqlCommand("SELECT Provider, Status, COUNT(*) FROM call_logs GROUP BY Provider, Status ORDER BY Provider, COUNT(*) DESC", db);
        await using var r = await cmd.ExecuteReaderAsync();
        Console.WriteLine("mix (provider, status, calls):");
        while (await r.ReadAsync()) Console.WriteLine($"  {r.GetString(0),-8} {r.GetString(1),-10} {r.GetInt64(2),9}");
    }

    private const string CallInsertHead = "INSERT INTO call_logs (Id, AgentId, DriverId, DriverName, DriverTmId, DriverPhone, Provider, Status, Dispatch, AgentLeg, DriverLeg, IsStale, MissedBy, Outcome, Feedback, Remarks, Notes, TalkSeconds, AgentDurationSeconds, FollowUpAt, TeleCmiRequestId, ConversationId, AgentLegId, DriverLegId, HangupReason, AgentHangupReason, RecordingFileName, FailureReason, CreatedAt, UpdatedAt, AnsweredAt, EndedAt, Version) VALUES ";

    /// <summary>Creation times over the last <c>Months</c> months, sorted: weekdays and IST office hours dominate.</summary>
    private DateTime[] CreatedTimes()
    {
        var start = now.AddMonths(-o.Months);
        var days = (int)(now - start).TotalDays + 1;
        var cumulative = new double[24];
        double sum = 0;
        for (var h = 0; h < 24; h++) cumulative[h] = sum += HourWeights[h];
        var ist = TimeSpan.FromMinutes(330);
        var times = new DateTime[o.Calls];
        for (var i = 0; i < times.Length;)
        {
            var dayIst = (start + ist).Date.AddDays(rng.Next(days));
            if (dayIst.DayOfWeek == DayOfWeek.Sunday && rng.NextDouble() > 0.3) continue;
            var pick = rng.NextDouble() * sum;
            var hour = Array.FindIndex(cumulative, c => pick < c);
            var t = dayIst.AddHours(hour).AddMilliseconds(rng.Next(3_600_000)) - ist;
            if (t < start || t > now.AddSeconds(-5)) continue;
            times[i++] = DateTime.SpecifyKind(t, DateTimeKind.Utc);
        }
        Array.Sort(times);
        return times;
    }

    private string Base62(int length)
    {
        const string chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return string.Create(length, rng, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = chars[r.Next(chars.Length)]; });
    }

    private string NewGuid()
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        b[7] = (byte)((b[7] & 0x0F) | 0x40);
        return new Guid(b).ToString();
    }

    private T Pick<T>(params (T Value, double Weight)[] choices)
    {
        var x = rng.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            if (x < weight) return value;
            x -= weight;
        }
        return choices[^1].Value;
    }

    /// <summary>One call row, consistent with how the domain derives status from leg states.</summary>
    private void AppendCall(StringBuilder sb, DateTime created, AgentRow agent, DriverRow driver)
    {
        var id = "call_" + Guid.CreateVersion7(new DateTimeOffset(created)).ToString("N");
        var manual = rng.NextDouble() < 0.12;
        var recent = now - created < TimeSpan.FromMinutes(30);
        string status, dispatch, agentLeg = "None", driverLeg = "None";
        string? missedBy = null, requestId = null, conversationId = null, agentLegId = null, driverLegId = null;
        string? hangup = null, agentHangup = null, recording = null, failure = null;
        int? talk = null, agentDuration = null;
        DateTime? answeredAt = null, endedAt = null;
        var stale = false;
        var updated = created;

        if (manual)
        {
            dispatch = "NotApplicable";
            status = rng.NextDouble() < 0.75 ? "Completed" : "Missed";
            if (status == "Completed") agentDuration = 15 + (int)(rng.NextDouble() * rng.NextDouble() * 600);
            endedAt = created;
            updated = created;
        }
        else
        {
            status = recent
                ? Pick(("Initiated", 2.0), ("Ringing", 3.0), ("Answered", 3.0), ("Completed", 2.0))
                : Pick(("Completed", 60.0), ("Missed", 32.0), ("Failed", 6.5), ("Unknown", 1.5));
            dispatch = "Accepted";
            if (status != "Failed")
            {
                requestId = Base62(43);
                conversationId = NewGuid();
                agentLegId = NewGuid();
                driverLegId = NewGuid();
            }
            var ringSeconds = 4 + rng.Next(20);
            switch (status)
            {
                case "Completed":
                    agentLeg = "Ended"; driverLeg = "Ended";
                    talk = 10 + (int)(rng.NextDouble() * rng.NextDouble() * 900);
                    answeredAt = created.AddSeconds(ringSeconds + 3 + rng.Next(10));
                    endedAt = answeredAt.Value.AddSeconds(talk.Value);
                    hangup = rng.NextDouble() < 0.5 ? "sent_bye" : "recv_bye";
                    agentHangup = hangup == "sent_bye" ? "recv_bye" : "sent_bye";
                    if (rng.NextDouble() < 0.85) recording = $"{new DateTimeOffset(created).ToUnixTimeMilliseconds()}_{id}.wav";
                    updated = endedAt.Value.AddMilliseconds(300 + rng.Next(3000));
                    break;
                case "Missed" when rng.NextDouble() < 0.7:
                    missedBy = "Driver"; agentLeg = "Ended"; driverLeg = "Missed";
                    hangup = "recv_cancel"; agentHangup = "sent_bye";
                    endedAt = created.AddSeconds(ringSeconds + 30 + rng.Next(15));
                    updated = endedAt.Value.AddMilliseconds(300 + rng.Next(3000));
                    break;
                case "Missed":
                    missedBy = "Agent"; agentLeg = "Missed"; driverLegId = null;
                    agentHangup = "recv_cancel";
                    endedAt = created.AddSeconds(30 + rng.Next(15));
                    updated = endedAt.Value.AddMilliseconds(300 + rng.Next(3000));
                    break;
                case "Failed" when rng.NextDouble() < 0.8:
                    dispatch = "Refused";
                    failure = "TeleCMI refused the call (code 404): Invalid number";
                    updated = created.AddMilliseconds(150 + rng.Next(400));
                    break;
                case "Failed":
                    dispatch = "Unconfirmed";
                    failure = "TeleCMI did not answer in time (timeout); the call may still have been placed.";
                    updated = created.AddSeconds(5 + rng.Next(8));
                    break;
                case "Unknown":
                    stale = true; agentLeg = "Started"; driverLegId = rng.NextDouble() < 0.5 ? null : driverLegId;
                    failure = "No final word from TeleCMI within 30 minutes.";
                    updated = created.AddMinutes(30).AddSeconds(rng.Next(60));
                    break;
                case "Initiated":
                    agentLegId = driverLegId = conversationId = null;
                    updated = created.AddMilliseconds(200 + rng.Next(400));
                    break;
                case "Ringing":
                    agentLeg = "Started"; driverLegId = null;
                    updated = created.AddSeconds(2 + rng.Next(5));
                    break;
                case "Answered":
                    agentLeg = "Answered"; driverLeg = "Answered";
                    answeredAt = created.AddSeconds(ringSeconds + 3 + rng.Next(10));
                    updated = answeredAt.Value;
                    break;
            }
            if (updated > now) updated = now;
            if (answeredAt > now) answeredAt = now;
            if (endedAt > now) endedAt = now;
        }

        // What the agent recorded: always on manual calls, on about two thirds of TeleCMI calls (~70 % overall).
        string? outcome = null, feedback = null, remarks = null, notes = null;
        DateTime? followUp = null;
        if (manual || (status is "Completed" or "Missed" or "Failed" or "Unknown" && rng.NextDouble() < 0.68))
        {
            outcome = status == "Completed"
                ? Pick(("Connected", 30.0), ("Interested", 20.0), ("NotInterested", 18.0), ("CallBackLater", 17.0), ("WrongNumber", 5.0), ("Other", 10.0))
                : manual ? Pick(("NotReachable", 60.0), ("Busy", 40.0))
                : Pick(("NotReachable", 55.0), ("Busy", 25.0), ("CallBackLater", 15.0), ("Other", 5.0));
            if (rng.NextDouble() < 0.45) feedback = Feedbacks[rng.Next(Feedbacks.Length)];
            if (rng.NextDouble() < 0.10) remarks = "Discussed lane, rate and availability; details shared on WhatsApp.";
            if (rng.NextDouble() < 0.03) notes = "Prefers Hindi. Owner-driver with two trucks.";
            if (outcome is "CallBackLater" or "Interested" ? rng.NextDouble() < 0.4 : rng.NextDouble() < 0.04)
                followUp = created.AddHours(4 + rng.Next(7 * 24));
            var recorded = (endedAt ?? updated).AddSeconds(20 + rng.Next(600));
            if (recorded < now && recorded > updated) updated = recorded;
        }

        sb.Append('(').Append('\'').Append(id).Append("',").Append(agent.Id).Append(",'").Append(driver.Id).Append("',")
            .Append(Sql.Str(driver.Name)).Append(',').Append(Sql.Str(driver.TmId)).Append(",'").Append(driver.Phone).Append("','")
            .Append(manual ? "Manual" : "TeleCmi").Append("','").Append(status).Append("','").Append(dispatch).Append("','")
            .Append(agentLeg).Append("','").Append(driverLeg).Append("',").Append(stale ? '1' : '0').Append(',')
            .Append(Sql.Str(missedBy)).Append(',').Append(Sql.Str(outcome)).Append(',').Append(Sql.Str(feedback)).Append(',')
            .Append(Sql.Str(remarks)).Append(',').Append(Sql.Str(notes)).Append(',').Append(Sql.Int(talk)).Append(',')
            .Append(Sql.Int(agentDuration)).Append(',').Append(Sql.Time(followUp)).Append(',').Append(Sql.Str(requestId)).Append(',')
            .Append(Sql.Str(conversationId)).Append(',').Append(Sql.Str(agentLegId)).Append(',').Append(Sql.Str(driverLegId)).Append(',')
            .Append(Sql.Str(hangup)).Append(',').Append(Sql.Str(agentHangup)).Append(',').Append(Sql.Str(recording)).Append(',')
            .Append(Sql.Str(failure)).Append(',').Append(Sql.Time(created)).Append(',').Append(Sql.Time(updated)).Append(',')
            .Append(Sql.Time(answeredAt)).Append(',').Append(Sql.Time(endedAt)).Append(",1)");
    }

    // ---------------------------------------------------------------- fixtures
    private async Task WriteFixturesAsync(MySqlConnection db, List<AgentRow> agents)
    {
        Directory.CreateDirectory(o.OutDir);
        var total = await Scalar(db, "SELECT COUNT(*) FROM call_logs");

        // Calls webhooks can match: TeleCMI calls with request, conversation and both leg ids.
        var hooks = new List<Dictionary<string, object?>>();
        await using (var cmd = new MySqlCommand(
            "SELECT c.Id, c.TeleCmiRequestId, c.ConversationId, c.AgentLegId, c.DriverLegId, c.DriverPhone, a.TeleCmiUserId, COALESCE(c.TalkSeconds, 0), c.CreatedAt " +
            "FROM call_logs c JOIN agents a ON a.Id = c.AgentId " +
            "WHERE c.Provider = 'TeleCmi' AND c.TeleCmiRequestId IS NOT NULL AND c.DriverLegId IS NOT NULL AND a.Username LIKE 'bench-agent-%' " +
            "ORDER BY RAND(7) LIMIT 4000", db))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
                hooks.Add(new()
                {
                    ["call_id"] = r.GetString(0), ["request_id"] = r.GetString(1), ["conversation_uuid"] = r.GetString(2),
                    ["agent_leg"] = r.GetString(3), ["driver_leg"] = r.GetString(4), ["to"] = r.GetString(5).TrimStart('+'),
                    ["user"] = r.GetString(6), ["talk"] = r.GetInt32(7),
                    ["time"] = new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(8), DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
                });

        // Drivers with no live call at all (so POST /api/calls never meets a 409 from seeded data).
        var live = new HashSet<string>();
        await using (var cmd = new MySqlCommand("SELECT DISTINCT DriverId FROM call_logs WHERE Status IN ('Initiating','Initiated','Ringing','Answered')", db))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) live.Add(r.GetString(0));
        var free = new List<string>();
        await using (var cmd = new MySqlCommand("SELECT Id FROM drivers WHERE Id LIKE 'BDRV-%' ORDER BY Id", db))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) if (!live.Contains(r.GetString(0))) free.Add(r.GetString(0));
        var shuffle = new Random(11);
        for (var i = free.Count - 1; i > 0; i--) { var j = shuffle.Next(i + 1); (free[i], free[j]) = (free[j], free[i]); }
        free = free.Take(30_000).ToList();

        var telecallers = agents.Where(a => a.Role == "Telecaller").Select(a => a.Username).ToList();
        var fixtures = new Dictionary<string, object?>
        {
            ["calls_total"] = total,
            ["password"] = o.Password,
            ["agents"] = telecallers,
            ["agent_ids"] = agents.Where(a => a.Role == "Telecaller").Select(a => a.Id).ToList(),
            ["supervisor"] = "bench-supervisor",
            ["admin"] = "bench-admin",
            ["webhook_calls"] = hooks,
            ["free_drivers"] = free,
        };
        await File.WriteAllTextAsync(Path.Combine(o.OutDir, "fixtures.json"), JsonSerializer.Serialize(fixtures, new JsonSerializerOptions { WriteIndented = false }));

        var lua = new StringBuilder("-- Written by bench/Seed from the database. Do not edit.\nreturn {\n");
        lua.Append(CultureInfo.InvariantCulture, $"  calls_total = {total},\n");
        lua.Append("  webhook_calls = {\n");
        foreach (var h in hooks)
            lua.Append(CultureInfo.InvariantCulture,
                $"    {{\"{h["call_id"]}\",\"{h["request_id"]}\",\"{h["conversation_uuid"]}\",\"{h["agent_leg"]}\",\"{h["driver_leg"]}\",\"{h["to"]}\",\"{h["user"]}\",{h["talk"]},{h["time"]}}},\n");
        lua.Append("  },\n  free_drivers = {\n");
        foreach (var chunk in free.Chunk(20)) lua.Append("    ").Append(string.Join(",", chunk.Select(d => $"\"{d}\""))).Append(",\n");
        lua.Append("  },\n}\n");
        await File.WriteAllTextAsync(Path.Combine(o.OutDir, "fixtures.lua"), lua.ToString());
        Console.WriteLine($"fixtures: {hooks.Count} webhook calls, {free.Count} free drivers, {telecallers.Count} agents -> {o.OutDir}/fixtures.{{json,lua}}");
    }
}

/// <summary>SQL literals for the generated values (all ASCII the seeder made itself; quotes and backslashes escaped anyway).</summary>
internal static class Sql
{
    public static string Str(string? s) => s is null ? "NULL" : "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
    public static string Int(int? v) => v is null ? "NULL" : v.Value.ToString(CultureInfo.InvariantCulture);
    public static string Time(DateTime? t) => t is null ? "NULL" : "'" + t.Value.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "'";
}
