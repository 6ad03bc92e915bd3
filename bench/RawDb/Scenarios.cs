// ============================================================================================================
//  THE SQL OF EACH BASELINE SCENARIO — the one place to re-sync when the service changes.
//
//  Every statement below is what the service sends to MariaDB for ONE request of that kind, in the same
//  order, with the same transactions, as printed by `bash bench/capture-sql.sh` (EF Core's command log).
//  Last synced: main after 5f6a508 (webhook intake: one transaction per delivery: the delivery is inserted
//  already processed, together with the call's update). To re-sync: run capture-sql.sh, compare statement by
//  statement, and edit the constants and the methods here.
//
//  (1) GET /api/calls?limit=20 as a telecaller
//        a. JWT check (OnTokenValidated):   SELECT EXISTS(agent is active)
//        b. total:                           SELECT COUNT(*) ... WHERE AgentId = @id
//        c. the page:                        SELECT <33 columns> ... WHERE AgentId = @id ORDER BY CreatedAt DESC, Id DESC LIMIT 21 OFFSET 0
//                                            (one row more than asked: whether there is a next page)
//  (2) GET /api/calls?status=completed&from&to&limit=20 as the supervisor: the same three with
//        WHERE Status = @s AND CreatedAt >= @from AND CreatedAt <= @to (no agent filter), and on both the count
//        and the page FORCE INDEX (IX_call_logs_Status_CreatedAt_Id) after the table (the service's IndexHints)
//  (4) POST /api/webhooks/telecmi (no JWT)
//        a. find the call:                   SELECT <call> WHERE Id = @echoed LIMIT 1   (or by TeleCmiRequestId when
//                                            extra_params is missing — 10 % of the load mix)
//        b. SaveChanges, one commit:
//             no_change: autocommit          INSERT INTO webhook_deliveries (... Match = 'NoChange', ProcessedAt ...) RETURNING Id
//             applied:   one transaction     UPDATE call_logs SET <changed columns>, UpdatedAt, Version WHERE Id AND Version;
//                                            INSERT INTO webhook_deliveries (... Match = 'Applied' ...) RETURNING Id; COMMIT
//        (On a version conflict the service falls back to: INSERT raw, commit; re-read; apply; commit. The
//        baseline has no conflicts to fall back from: its UPDATE ignores the row count.)
//        The applied share is taken from the service's own webhook run (its "result" counts), so both do the same mix.
//      Group commit (ADR 0008; synced with capture-sql.sh's burst, main after 2dc153a): the service writes the
//      deliveries of concurrent requests in batches, on 2 writers. Per batch of k (the service's mean committed batch
//      in its run, from its telecmi_webhooks_batch_size metric):
//        a. SELECT <call> WHERE Id IN ('<id>', ...)         the echoed ids inlined as constants, as EF/Pomelo sends them
//           SELECT <call> WHERE TeleCmiRequestId = @id      for each delivery without extra_params
//        b. START TRANSACTION; one command: per applied delivery UPDATE call_logs ... ; SELECT ROW_COUNT();
//           then per delivery INSERT INTO webhook_deliveries ... RETURNING Id; COMMIT
//        A batch of 1 is the single-delivery path above.
//  (6) POST /api/calls (synced with capture-sql.sh's (6), main after bb54e02), run at ONE worker beside (6′): the
//      database's share of one call, without TeleCMI's answer in between (the stand-in's latency is measured apart)
//        a. JWT check                         SELECT EXISTS(agent is active)
//        a′. since issue 18 (--dial-lock 1)   SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION;
//                                             UPDATE agents SET LastDialAt WHERE Id (locks the agent's row); b and c in it
//        b. what deciding needs, one SELECT   the agent, the driver (LEFT JOIN), today's TeleCMI calls without those never placed
//                                             (COUNT; predicate DailyCallCap.Counts, edited by hand for issue 18), a live
//                                             call to this driver (scalar subqueries)
//        c. the call                          INSERT INTO call_logs (33 columns); then COMMIT (before issue 18, and with
//                                             --dial-lock 0: SET AUTOCOMMIT = 1; INSERT … on its own)
//        d. TeleCMI accepted, autocommit      SET AUTOCOMMIT = 1; UPDATE call_logs SET Dispatch, Status, TeleCmiRequestId,
//                                             UpdatedAt, Version WHERE Id AND Version; SELECT ROW_COUNT();
//        e. webhooks that came first          SELECT Id FROM webhook_deliveries WHERE Match = 'Unmatched' AND (EchoedCallId
//                                             OR RequestId)
//      Its calls get ids "call_rawdb_…" and are deleted when the run ends. --gap-ms 50: an idle wait between c and d,
//      where the service waits for TeleCMI (machines that idle between statements answer them more slowly), taken
//      out of the latency.
// ============================================================================================================

using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using MySqlConnector;

namespace TeleCmi.Bench.RawDb;

internal static class Sql
{
    private const string CallColumns =
        "`c`.`Id`, `c`.`AgentDurationSeconds`, `c`.`AgentHangupReason`, `c`.`AgentId`, `c`.`AgentLeg`, `c`.`AgentLegId`, `c`.`AnsweredAt`, " +
        "`c`.`ConversationId`, `c`.`CreatedAt`, `c`.`Dispatch`, `c`.`DriverId`, `c`.`DriverLeg`, `c`.`DriverLegId`, `c`.`DriverName`, " +
        "`c`.`DriverPhone`, `c`.`DriverTmId`, `c`.`EndedAt`, `c`.`FailureReason`, `c`.`Feedback`, `c`.`FollowUpAt`, `c`.`HangupReason`, " +
        "`c`.`IsStale`, `c`.`MissedBy`, `c`.`Notes`, `c`.`Outcome`, `c`.`Provider`, `c`.`RecordingFileName`, `c`.`Remarks`, `c`.`Status`, " +
        "`c`.`TalkSeconds`, `c`.`TeleCmiRequestId`, `c`.`UpdatedAt`, `c`.`Version`";

    // --- every authenticated request: JwtBearer OnTokenValidated (src/Api/Auth/AuthenticationSetup.cs)
    public const string AgentIsActive =
        "SELECT EXISTS (\n    SELECT 1\n    FROM `agents` AS `a`\n    WHERE (`a`.`Id` = @__id_0) AND `a`.`IsActive`)";

    // --- (1) GetCallLogs for a telecaller (src/Application/Calls/GetCallLogs/GetCallLogs.cs)
    public const string AgentCount =
        "SELECT COUNT(*)\nFROM `call_logs` AS `c`\nWHERE `c`.`AgentId` = @__user_AgentId_0";
    public const string AgentPage =
        "SELECT " + CallColumns + "\nFROM `call_logs` AS `c`\nWHERE `c`.`AgentId` = @__user_AgentId_0\n" +
        "ORDER BY `c`.`CreatedAt` DESC, `c`.`Id` DESC\nLIMIT @__p_1";

    // --- (2) GetCallLogs for a supervisor with status + date range
    // The service tags this query (src/Application/Calls/Common/CallQueryTags.cs) and adds FORCE INDEX on MySQL
    // (src/Infrastructure/Persistence/IndexHints.cs).
    private const string StatusHint = "-- telecmi:shape calls-of-one-status-in-a-time-range\n\n";
    private const string CallLogsForced = "FROM `call_logs` AS `c` FORCE INDEX (`IX_call_logs_Status_CreatedAt_Id`)\n";
    public const string SupervisorCount =
        StatusHint + "SELECT COUNT(*)\n" + CallLogsForced + "WHERE ((`c`.`Status` = @__f_Status_0) AND (`c`.`CreatedAt` >= @__from_1)) AND (`c`.`CreatedAt` <= @__to_2)";
    public const string SupervisorPage =
        StatusHint + "SELECT " + CallColumns + "\n" + CallLogsForced +
        "WHERE ((`c`.`Status` = @__f_Status_0) AND (`c`.`CreatedAt` >= @__from_1)) AND (`c`.`CreatedAt` <= @__to_2)\n" +
        "ORDER BY `c`.`CreatedAt` DESC, `c`.`Id` DESC\nLIMIT @__p_3";

    // --- (4) HandleWebhook + WebhookApplier (src/Application/Webhooks/**, src/Infrastructure/Webhooks)
    private const string DeliveryInsert =
        "INSERT INTO `webhook_deliveries` (`Attempts`, `CallId`, `ConversationId`, `EchoedCallId`, `EventAt`, `Leg`, `LegId`, " +
        "`Match`, `Payload`, `PayloadHash`, `ProcessedAt`, `ReceivedAt`, `RequestId`, `Status`, `Type`)\n";
    // no_change (and unmatched, ignored): the delivery is inserted already processed, one autocommit statement.
    public const string DeliveryInserted =
        "SET AUTOCOMMIT = 1;\n" + DeliveryInsert +
        "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14)\nRETURNING `Id`;";
    public const string CallById =
        "SELECT " + CallColumns + "\nFROM `call_logs` AS `c`\nWHERE `c`.`Id` = @__callId_0\nLIMIT 1";
    public const string CallByRequestId =
        "SELECT " + CallColumns + "\nFROM `call_logs` AS `c`\nWHERE `c`.`TeleCmiRequestId` = @__requestId_0\nLIMIT 1";
    // group commit: the calls of a batch, their ids inlined as constants (EF Core 9 + Pomelo send Contains() that way)
    public static string CallsByIds(IEnumerable<string> ids) =>
        "SELECT " + CallColumns + "\nFROM `call_logs` AS `c`\nWHERE `c`.`Id` IN (" + string.Join(", ", ids.Select(id => $"'{id}'")) + ")";
    // --- (6) InitiateCall (src/Application/Calls/InitiateCall/InitiateCall.cs) and WebhookApplier.ReplayUnmatchedAsync
    public const string DialFacts =
        "SELECT `a`.`TeleCmiCallingAllowed`, `a`.`TeleCmiUserId`, `s`.`Id` IS NULL, `s`.`Id`, `s`.`Name`, `s`.`TmId`, `s`.`Phone`, (\n" +
        "    SELECT COUNT(*)\n    FROM `call_logs` AS `c`\n" +
        "    WHERE ((`c`.`AgentId` = @__agentId_0) AND (`c`.`CreatedAt` >= @__todayStart_2)) AND ((`c`.`Provider` = 'TeleCmi') AND (`c`.`Status` <> 'NotPlaced'))), (\n" +
        "    SELECT `c0`.`Id`\n    FROM `call_logs` AS `c0`\n" +
        "    WHERE (((`c0`.`AgentId` = @__agentId_0) AND (`c0`.`Provider` = 'TeleCmi')) AND ((`c0`.`DriverId` = @__driverId_1) AND (`c0`.`CreatedAt` >= @__since_3))) " +
        "AND (`c0`.`Status` IN ('Initiating', 'Initiated', 'Ringing', 'Answered') OR ((`c0`.`Status` = 'Failed') AND (`c0`.`Dispatch` = 'Unconfirmed')))\n" +
        "    ORDER BY `c0`.`CreatedAt` DESC\n    LIMIT 1)\n" +
        "FROM `agents` AS `a`\nCROSS JOIN (\n    SELECT `d0`.`Id`, `d0`.`Name`, `d0`.`Phone`, `d0`.`TmId`\n    FROM (\n        SELECT 1\n    ) AS `e`\n" +
        "    LEFT JOIN (\n        SELECT `d`.`Id`, `d`.`Name`, `d`.`Phone`, `d`.`TmId`\n        FROM `drivers` AS `d`\n        WHERE `d`.`Id` = @__driverId_1\n" +
        "    ) AS `d0` ON TRUE\n) AS `s`\nWHERE `a`.`Id` = @__agentId_0\nLIMIT 1";
    // issue 18: the decision's first statement, in a READ COMMITTED transaction (EF Core's ExecuteUpdate), which locks the agent's row
    public const string AgentDialLocked =
        "UPDATE `agents` AS `a`\nSET `a`.`LastDialAt` = @__Now_1\nWHERE `a`.`Id` = @__agentId_0";
    public const string CallInserted =
        "SET AUTOCOMMIT = 1;\nINSERT INTO `call_logs` (`Id`, `AgentDurationSeconds`, `AgentHangupReason`, `AgentId`, `AgentLeg`, `AgentLegId`, `AnsweredAt`, " +
        "`ConversationId`, `CreatedAt`, `Dispatch`, `DriverId`, `DriverLeg`, `DriverLegId`, `DriverName`, `DriverPhone`, `DriverTmId`, `EndedAt`, " +
        "`FailureReason`, `Feedback`, `FollowUpAt`, `HangupReason`, `IsStale`, `MissedBy`, `Notes`, `Outcome`, `Provider`, `RecordingFileName`, " +
        "`Remarks`, `Status`, `TalkSeconds`, `TeleCmiRequestId`, `UpdatedAt`, `Version`)\n" +
        "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20, @p21, @p22, " +
        "@p23, @p24, @p25, @p26, @p27, @p28, @p29, @p30, @p31, @p32);";
    public const string CallDispatched =
        "SET AUTOCOMMIT = 1;\nUPDATE `call_logs` SET `Dispatch` = @p0, `Status` = @p1, `TeleCmiRequestId` = @p2, `UpdatedAt` = @p3, `Version` = @p4\n" +
        "WHERE `Id` = @p5 AND `Version` = @p6;\nSELECT ROW_COUNT();";
    public const string UnmatchedDeliveries =
        "SELECT `w`.`Id`\nFROM `webhook_deliveries` AS `w`\n" +
        "WHERE (`w`.`Match` = 'Unmatched') AND ((`w`.`EchoedCallId` = @__callId_0) OR (`w`.`RequestId` = @__requestId_1))\nORDER BY `w`.`Id`";
    public const string RawDbCallsDeleted = "DELETE FROM call_logs WHERE Id LIKE 'call\\_rawdb\\_%'";

    public static string DeliveryInsertAt(int p) =>
        DeliveryInsert + "VALUES (" + string.Join(", ", Enumerable.Range(p, 15).Select(i => $"@p{i}")) + ")\nRETURNING `Id`;\n";
    // applied: EF batches the call's update and the delivery's insert in one command inside a transaction.
    public const string CallUpdatedAndDeliveryInserted =
        "UPDATE `call_logs` SET `HangupReason` = @p0, `UpdatedAt` = @p1, `Version` = @p2\nWHERE `Id` = @p3 AND `Version` = @p4;\nSELECT ROW_COUNT();\n\n" +
        DeliveryInsert + "VALUES (@p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19)\nRETURNING `Id`;";
}

/// <summary>A seeded call webhooks can match (from fixtures.json).</summary>
internal sealed record HookCall(string CallId, string RequestId, string ConversationId, string AgentLeg, string DriverLeg, string To, string User, int Talk, long Time);

internal sealed class Scenarios(Fixtures fx, double appliedShare, int batch = 1, int gapMs = 0, bool dialLock = true)
{
    /// <summary>
    /// Time a request spent waiting on purpose (initiate's stand-in gap), in Stopwatch ticks; each worker sets its own box,
    /// and the measurement subtracts it, so the latency is the database's part alone.
    /// </summary>
    public static readonly AsyncLocal<StrongBox<long>?> Waited = new();

    private static readonly string[] Kinds = ["event/started/a", "event/answered/a", "event/started/b", "event/answered/b", "event/hangup/a",
        "event/hangup/b", "cdr/answered/a", "cdr/answered/b", "cdr/missed/a", "cdr/missed/b"];

    /// <summary>One "request" of the scenario; returns how many requests it stands for (a batch of webhooks: k).</summary>
    public Func<MySqlConnection, Random, long, Task<int>> For(string scenario) => scenario switch
    {
        "list_agent" => One((db, rng, n) => ListAgentAsync(db, n, withTotal: true)),
        "list_agent_nototal" => One((db, rng, n) => ListAgentAsync(db, n, withTotal: false)),
        "list_supervisor" => One(ListSupervisorAsync),
        "webhooks" when batch > 1 => WebhookBatchAsync,
        "webhooks" => One(WebhookAsync),
        "initiate" => One(InitiateAsync),
        _ => throw new ArgumentException($"Unknown scenario '{scenario}' (list_agent, list_agent_nototal, list_supervisor, webhooks, initiate)."),
    };

    private static Func<MySqlConnection, Random, long, Task<int>> One(Func<MySqlConnection, Random, long, Task> request) =>
        async (db, rng, n) => { await request(db, rng, n); return 1; };

    /// <summary>limit=20 plus the one row that tells whether a next page exists.</summary>
    private const int PageRows = 21;

    private static MySqlCommand Cmd(MySqlConnection db, string sql, MySqlTransaction? tx = null) => new(sql, db, tx) { CommandTimeout = 15 };

    /// <summary>Reads every column of every row, as EF materialises them.</summary>
    private static async Task<int> ReadAllAsync(MySqlCommand cmd)
    {
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = 0;
        var values = new object[r.FieldCount];
        while (await r.ReadAsync())
        {
            r.GetValues(values);
            rows++;
        }
        return rows;
    }

    private static async Task AuthAsync(MySqlConnection db, int agentId)
    {
        await using var cmd = Cmd(db, Sql.AgentIsActive);
        cmd.Parameters.AddWithValue("@__id_0", agentId);
        if (Convert.ToInt64(await cmd.ExecuteScalarAsync()) != 1) throw new InvalidOperationException($"agent {agentId} is not active");
    }

    // (1), and (1′) without the count (includeTotal=false)
    private async Task ListAgentAsync(MySqlConnection db, long n, bool withTotal)
    {
        var agentId = fx.AgentIds[(int)(n % fx.AgentIds.Count)];
        await AuthAsync(db, agentId);
        if (withTotal)
        {
            await using var count = Cmd(db, Sql.AgentCount);
            count.Parameters.AddWithValue("@__user_AgentId_0", agentId);
            await count.ExecuteScalarAsync();
        }
        await using var page = Cmd(db, Sql.AgentPage);
        page.Parameters.AddWithValue("@__user_AgentId_0", agentId);
        page.Parameters.AddWithValue("@__p_1", PageRows);
        await ReadAllAsync(page);
    }

    // (2) the same ~30-day windows as bench/lua/bench.lua
    private async Task ListSupervisorAsync(MySqlConnection db, Random rng, long n)
    {
        var to = DateTime.UtcNow.AddDays(-rng.Next(0, fx.SpanDays - 30)).AddSeconds(-rng.Next(86_400));
        var from = to.AddDays(-(28 + rng.Next(0, 5)));
        to = new DateTime(to.Ticks - to.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        from = new DateTime(from.Ticks - from.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        await AuthAsync(db, fx.SupervisorId);
        await using (var count = Cmd(db, Sql.SupervisorCount))
        {
            count.Parameters.AddWithValue("@__f_Status_0", "Completed");
            count.Parameters.AddWithValue("@__from_1", from);
            count.Parameters.AddWithValue("@__to_2", to);
            await count.ExecuteScalarAsync();
        }
        await using var page = Cmd(db, Sql.SupervisorPage);
        page.Parameters.AddWithValue("@__f_Status_0", "Completed");
        page.Parameters.AddWithValue("@__from_1", from);
        page.Parameters.AddWithValue("@__to_2", to);
        page.Parameters.AddWithValue("@__p_3", PageRows);
        await ReadAllAsync(page);
    }

    /// <summary>One webhook of the load mix for a random seeded call.</summary>
    private sealed record Hook(HookCall Call, string[] Kind, bool Echoed, string LegId, long At, string Body, string Hash, bool Applied);

    private Hook NewHook(Random rng, HookCall? call = null)
    {
        var c = call ?? fx.HookCalls[rng.Next(fx.HookCalls.Count)];
        var kind = Kinds[rng.Next(Kinds.Length)].Split('/');
        var echoed = rng.NextDouble() >= 0.10; // 10 % carry no extra_params: matched by request_id
        var legId = kind[2] == "a" ? c.AgentLeg : c.DriverLeg;
        var at = c.Time + rng.Next(500, 60_000);
        var body = $"{{\"type\":\"{kind[0]}\",\"status\":\"{kind[1]}\",\"leg\":\"{kind[2]}\",\"direction\":\"outbound\",\"cmiuuid\":\"{legId}\"," +
                   $"\"conversation_uuid\":\"{c.ConversationId}\",\"request_id\":\"{c.RequestId}\",\"user\":\"{c.User}\",\"time\":{at},\"to\":{c.To}," +
                   "\"from\":918069000000,\"appid\":1111112" + (echoed ? $",\"extra_params\":{{\"call_id\":\"{c.CallId}\"}}" : "") + "}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        return new Hook(c, kind, echoed, legId, at, body, hash, rng.NextDouble() < appliedShare);
    }

    private static void DeliveryValues(MySqlParameterCollection p, int first, Hook h, DateTime processed, DateTime received)
    {
        var c = h.Call;
        p.AddWithValue($"@p{first}", 1);
        p.AddWithValue($"@p{first + 1}", c.CallId);
        p.AddWithValue($"@p{first + 2}", c.ConversationId);
        p.AddWithValue($"@p{first + 3}", h.Echoed ? c.CallId : DBNull.Value);
        p.AddWithValue($"@p{first + 4}", DateTimeOffset.FromUnixTimeMilliseconds(h.At).UtcDateTime);
        p.AddWithValue($"@p{first + 5}", h.Kind[2]);
        p.AddWithValue($"@p{first + 6}", h.LegId);
        p.AddWithValue($"@p{first + 7}", h.Applied ? "Applied" : "NoChange");
        p.AddWithValue($"@p{first + 8}", h.Body);
        p.AddWithValue($"@p{first + 9}", h.Hash);
        p.AddWithValue($"@p{first + 10}", processed);
        p.AddWithValue($"@p{first + 11}", received);
        p.AddWithValue($"@p{first + 12}", c.RequestId);
        p.AddWithValue($"@p{first + 13}", h.Kind[1]);
        p.AddWithValue($"@p{first + 14}", h.Kind[0]);
    }

    /// <summary>Reads the found calls' rows as EF materialises them; returns their versions by id.</summary>
    private static async Task<Dictionary<string, int>> ReadCallsAsync(MySqlCommand find)
    {
        var versions = new Dictionary<string, int>();
        await using var r = await find.ExecuteReaderAsync();
        var values = new object[r.FieldCount];
        while (await r.ReadAsync())
        {
            r.GetValues(values);
            versions[r.GetString(0)] = r.GetInt32(r.FieldCount - 1);
        }
        return versions;
    }

    // (4) with group commit: one batch of `batch` deliveries for as many different calls (ADR 0008)
    private async Task<int> WebhookBatchAsync(MySqlConnection db, Random rng, long n)
    {
        var picked = new HashSet<int>();
        while (picked.Count < Math.Min(batch, fx.HookCalls.Count)) picked.Add(rng.Next(fx.HookCalls.Count));
        var hooks = picked.Select(i => NewHook(rng, fx.HookCalls[i])).ToList();
        var received = DateTime.UtcNow;
        var versions = new Dictionary<string, int>();
        var echoed = hooks.Where(h => h.Echoed).Select(h => h.Call.CallId).ToList();
        if (echoed.Count > 0)
        {
            await using var find = Cmd(db, Sql.CallsByIds(echoed));
            foreach (var (id, version) in await ReadCallsAsync(find)) versions[id] = version;
        }
        foreach (var h in hooks.Where(h => !h.Echoed))
        {
            await using var find = Cmd(db, Sql.CallByRequestId);
            find.Parameters.AddWithValue("@__requestId_0", h.Call.RequestId);
            foreach (var (id, version) in await ReadCallsAsync(find)) versions[id] = version;
        }
        var processed = DateTime.UtcNow;
        await using var tx = await db.BeginTransactionAsync();
        var sql = new StringBuilder();
        await using (var save = Cmd(db, "", tx))
        {
            var p = 0;
            foreach (var h in hooks.Where(h => h.Applied))
            {
                sql.Append($"UPDATE `call_logs` SET `HangupReason` = @p{p}, `UpdatedAt` = @p{p + 1}, `Version` = @p{p + 2}\n" +
                           $"WHERE `Id` = @p{p + 3} AND `Version` = @p{p + 4};\nSELECT ROW_COUNT();\n\n");
                var version = versions.GetValueOrDefault(h.Call.CallId);
                save.Parameters.AddWithValue($"@p{p}", "recv_bye");
                save.Parameters.AddWithValue($"@p{p + 1}", processed);
                save.Parameters.AddWithValue($"@p{p + 2}", version + 1);
                save.Parameters.AddWithValue($"@p{p + 3}", h.Call.CallId);
                save.Parameters.AddWithValue($"@p{p + 4}", version);
                p += 5;
            }
            foreach (var h in hooks)
            {
                sql.Append(Sql.DeliveryInsertAt(p));
                DeliveryValues(save.Parameters, p, h, processed, received);
                p += 15;
            }
            save.CommandText = sql.ToString();
            await using var r = await save.ExecuteReaderAsync();
            do { while (await r.ReadAsync()) { } } while (await r.NextResultAsync());
        }
        await tx.CommitAsync();
        return hooks.Count;
    }

    // (6) without TeleCMI: the database's part of one call (the service's business day is IST in the bench)
    private async Task InitiateAsync(MySqlConnection db, Random rng, long n)
    {
        var agentId = fx.AgentIds[(int)(n % fx.AgentIds.Count)];
        var driverId = fx.FreeDrivers[rng.Next(fx.FreeDrivers.Count)];
        var now = DateTime.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var ist = TimeSpan.FromHours(5.5);
        var todayStart = DateTime.SpecifyKind((now + ist).Date - ist, DateTimeKind.Utc);
        await AuthAsync(db, agentId);
        string name, phone;
        object tmId;
        // Since issue 18 the decision (lock, facts, INSERT) is one transaction; --dial-lock 0 sends the shape before.
        await using var decision = dialLock ? await db.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted) : null;
        if (decision is not null)
        {
            await using var lockAgent = Cmd(db, Sql.AgentDialLocked, decision);
            lockAgent.Parameters.AddWithValue("@__Now_1", now);
            lockAgent.Parameters.AddWithValue("@__agentId_0", agentId);
            await lockAgent.ExecuteNonQueryAsync();
        }
        await using (var facts = Cmd(db, Sql.DialFacts, decision))
        {
            facts.Parameters.AddWithValue("@__agentId_0", agentId);
            facts.Parameters.AddWithValue("@__todayStart_2", todayStart);
            facts.Parameters.AddWithValue("@__driverId_1", driverId);
            facts.Parameters.AddWithValue("@__since_3", now.AddSeconds(-30)); // Calls:DuplicateCallWindowSeconds
            await using var r = await facts.ExecuteReaderAsync();
            if (!await r.ReadAsync() || r.IsDBNull(3)) throw new InvalidOperationException($"agent {agentId} or driver {driverId} not found");
            (name, tmId, phone) = (r.GetString(4), r.IsDBNull(5) ? DBNull.Value : r.GetString(5), r.GetString(6));
        }
        var id = "call_rawdb_" + Guid.CreateVersion7().ToString("N");
        // Inside the transaction EF Core sends the INSERT without Pomelo's "SET AUTOCOMMIT = 1" (which would commit early).
        await using (var insert = Cmd(db, decision is null ? Sql.CallInserted : Sql.CallInserted.Replace("SET AUTOCOMMIT = 1;\n", ""), decision))
        {
            object?[] values =
            [
                id, null, null, agentId, "None", null, null, null, now, "Pending", driverId, "None", null, name, phone, tmId, null,
                null, null, null, null, false, null, null, null, "TeleCmi", null, null, "Initiating", null, null, now, 1,
            ];
            for (var i = 0; i < values.Length; i++) insert.Parameters.AddWithValue($"@p{i}", values[i] ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync();
        }
        if (decision is not null) await decision.CommitAsync();
        if (gapMs > 0)
        {
            // Where the service waits for TeleCMI's answer: the connection stays open and idle, as the service's does.
            var waitStart = Stopwatch.GetTimestamp();
            await Task.Delay(gapMs);
            if (Waited.Value is { } box) box.Value += Stopwatch.GetTimestamp() - waitStart;
        }
        var requestId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', 'a').Replace('/', 'b');
        await using (var update = Cmd(db, Sql.CallDispatched))
        {
            update.Parameters.AddWithValue("@p0", "Accepted");
            update.Parameters.AddWithValue("@p1", "Initiated");
            update.Parameters.AddWithValue("@p2", requestId);
            update.Parameters.AddWithValue("@p3", DateTime.UtcNow);
            update.Parameters.AddWithValue("@p4", 2);
            update.Parameters.AddWithValue("@p5", id);
            update.Parameters.AddWithValue("@p6", 1);
            if (Convert.ToInt64(await update.ExecuteScalarAsync()) != 1) throw new InvalidOperationException($"call {id} not updated");
        }
        await using var replay = Cmd(db, Sql.UnmatchedDeliveries);
        replay.Parameters.AddWithValue("@__callId_0", id);
        replay.Parameters.AddWithValue("@__requestId_1", requestId);
        await ReadAllAsync(replay);
    }

    // (4)
    private async Task WebhookAsync(MySqlConnection db, Random rng, long n)
    {
        var h = NewHook(rng);
        var (c, echoed, applied) = (h.Call, h.Echoed, h.Applied);
        var now = DateTime.UtcNow;

        int version;
        await using (var find = Cmd(db, echoed ? Sql.CallById : Sql.CallByRequestId))
        {
            find.Parameters.AddWithValue(echoed ? "@__callId_0" : "@__requestId_0", echoed ? c.CallId : c.RequestId);
            await using var r = await find.ExecuteReaderAsync();
            if (!await r.ReadAsync()) throw new InvalidOperationException($"call {c.CallId} not found");
            var values = new object[r.FieldCount];
            r.GetValues(values);
            version = r.GetInt32(r.FieldCount - 1);
        }
        var processed = DateTime.UtcNow;

        if (applied)
        {
            await using var tx = await db.BeginTransactionAsync();
            await using (var save = Cmd(db, Sql.CallUpdatedAndDeliveryInserted, tx))
            {
                var p = save.Parameters;
                p.AddWithValue("@p0", "recv_bye");
                p.AddWithValue("@p1", processed);
                p.AddWithValue("@p2", version + 1);
                p.AddWithValue("@p3", c.CallId);
                p.AddWithValue("@p4", version);
                DeliveryValues(p, 5, h, processed, now);
                await using var r = await save.ExecuteReaderAsync();
                do { while (await r.ReadAsync()) { } } while (await r.NextResultAsync());
            }
            await tx.CommitAsync();
        }
        else
        {
            await using var insert = Cmd(db, Sql.DeliveryInserted);
            DeliveryValues(insert.Parameters, 0, h, processed, now);
            await insert.ExecuteScalarAsync();
        }
    }
}
