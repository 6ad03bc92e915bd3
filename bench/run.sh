#!/usr/bin/env bash
# TeleCmi benchmark: ONE command, `bash bench/run.sh`. See docs/PERFORMANCE.md.
#
#  1. starts the bench's own MariaDB (127.0.0.1:3307, bench/db.sh) -- never the test server on 3306
#  2. lets the service create the schema (its migrations), then seeds it in bulk (bench/Seed) if needed
#  3. builds and starts the service in Release against it (Live mode against the TeleCMI stand-in, src/TeleCmiStandIn,
#     as a process of its own; bench rate limits)
#  4. drives it with wrk (2 threads, 32 connections, fixed durations), sampling the service's RSS every second
#  5. stops the service and runs the raw-SQL baseline (bench/RawDb) for scenarios 1, 2 and 4
#  6. writes bench/results/latest.md (bench/report.py) and prints it
#
# Environment:
#   BENCH_QUICK=1              ~5 s per scenario, 20,000 calls (database telecmi_bench_quick): a smoke run
#   BENCH_DURATION=30          seconds per scenario (webhooks: BENCH_WEBHOOK_DURATION=60)
#   BENCH_SOAK_SECONDS=300     the soak (0 = skip)
#   BENCH_SCENARIOS="..."      subset, e.g. "list_agent webhooks" (ids: list_agent list_agent_nototal list_supervisor deep_offset
#                              deep_cursor webhooks report_30d report_18m initiate soak baseline); "initiate" also
#                              runs scenario 6 at one connection (initiate_c1) and the stand-in alone (standin_c1);
#                              "initiate_c1" runs only those two rows, (6″) and (6′) (~2 min with the default durations)
#   BENCH_CONNECTIONS=32 BENCH_THREADS=2 BENCH_WARMUP_SECONDS=20 BENCH_WRK_TIMEOUT=30s (the warm-up lets tiered JIT
#                              settle: with 5 s, the first ~40 s of a scenario were still compiling, see docs/PERFORMANCE.md)
#   BENCH_SKIP_BUILD=1         reuse the existing Release builds
#   BENCH_TIME_ZONE=Asia/Kolkata  the business time zone (service and report dates); the seed's calls follow IST
#                              office hours, so "today" holds few calls at IST night: another zone moves "today"
#   BENCH_WEBHOOK_WRITERS=2    the service's Webhooks:Writers (ADR 0008) and the baseline's webhook writers
#   BENCH_PACE_MS=640          (6‴): scenario 6's 32 connections each waiting ~this long between calls (~45 calls/s)
#   BENCH_STANDIN=process      the TeleCMI stand-in as a process of its own on BENCH_STANDIN_PORT (5298), posting at
#                              most BENCH_STANDIN_WEBHOOK_POSTS (64) webhooks at once (the only mode now: "inprocess"
#                              needed Simulated mode, which the service accepts in Development only)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
cd "$REPO_ROOT"

QUICK="${BENCH_QUICK:-0}"
if [ "$QUICK" = 1 ]; then
  DURATION="${BENCH_DURATION:-5}"; WEBHOOK_DURATION="${BENCH_WEBHOOK_DURATION:-5}"; SOAK="${BENCH_SOAK_SECONDS:-10}"
  CALLS="${BENCH_CALLS:-20000}"; DRIVERS="${BENCH_DRIVERS:-10000}"; WARMUP="${BENCH_WARMUP_SECONDS:-2}"
else
  DURATION="${BENCH_DURATION:-30}"; WEBHOOK_DURATION="${BENCH_WEBHOOK_DURATION:-60}"; SOAK="${BENCH_SOAK_SECONDS:-300}"
  CALLS="${BENCH_CALLS:-1000000}"; DRIVERS="${BENCH_DRIVERS:-100000}"; WARMUP="${BENCH_WARMUP_SECONDS:-20}"
fi
AGENTS=50
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
WRK_TIMEOUT="${BENCH_WRK_TIMEOUT:-30s}"   # a request slower than this counts as a timeout error
THREADS="${BENCH_THREADS:-2}"
WEBHOOK_WRITERS="${BENCH_WEBHOOK_WRITERS:-2}"   # the service's Webhooks:Writers, and the baseline's writers for (4)
ALL_SCENARIOS="list_agent list_agent_nototal list_supervisor deep_offset deep_cursor webhooks report_30d report_18m initiate soak baseline"
# (initiate_c1 is not listed: "initiate" includes it)
SCENARIOS="${BENCH_SCENARIOS:-$ALL_SCENARIOS}"
CLICK2CALL_LATENCY_MS="${BENCH_CLICK2CALL_LATENCY_MS:-50}"
export BENCH_CLICK2CALL_LATENCY_MS="$CLICK2CALL_LATENCY_MS"
export BENCH_EVENT_SPACING_MS="${BENCH_EVENT_SPACING_MS:-250}"

# shellcheck source=bench/db.sh
. "$BENCH_DIR/db.sh"
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_DIR="$BENCH_DIR/results/runs/$RUN_ID"
mkdir -p "$RUN_DIR" "$BENCH_WORK"
SAMPLER_PID=""

want() { case " $SCENARIOS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# settle SECONDS: waits at least SECONDS, then until the service has been quiet (under 5 % of one core for 2 s),
# at most 180 s more. After an overloaded (6) the stand-in's queued webhooks keep the service busy for a while;
# the one-connection rows must not measure that backlog.
settle() {
  sleep "$1"
  local ticks i a b
  ticks="$(getconf CLK_TCK)"
  for i in $(seq 90); do
    a="$(awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat" 2>/dev/null || echo 0)"
    sleep 2
    b="$(awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat" 2>/dev/null || echo 0)"
    # CPU ticks over 2 s; 5 % of one core = 0.1 s = ticks / 10.
    if [ $(( (b - a) * 10 )) -le "$ticks" ]; then return 0; fi
  done
  blog "the service was still busy after 180 s of waiting"
}

cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  bench_stop_service || true
  bench_stop_standin || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in wrk curl python3 dotnet; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    case "$tool" in
      wrk|curl) blog "installing $tool from apt"; DEBIAN_FRONTEND=noninteractive apt-get update -qq
                DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" ;;
      *) blog "$tool is required"; exit 1 ;;
    esac
  fi
done

# ------------------------------------------------------------------ 1. database
blog "MariaDB bench instance (port $BENCH_DB_PORT, database $BENCH_DB_NAME)"
bench_db_up

# ------------------------------------------------------------------ builds
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  bench_build_service
  for p in Seed/TeleCmi.Bench.Seed.csproj RawDb/TeleCmi.Bench.RawDb.csproj; do
    blog "dotnet build -c Release bench/$p"
    timeout 900 dotnet build -c Release "$BENCH_DIR/$p" -nologo -v q >"$BENCH_WORK/build-$(basename "$p" .csproj).log" 2>&1 \
      || { tail -n 30 "$BENCH_WORK/build-$(basename "$p" .csproj).log" >&2; exit 1; }
  done
fi

# ------------------------------------------------------------------ 2. schema (the service's migrations) + seed
blog "schema: starting the service once so it applies its migrations"
bench_start_service
bench_stop_service
blog "seeding ($CALLS calls, $DRIVERS drivers, $AGENTS agents; skipped when already there)"
timeout 1800 dotnet "$BENCH_DIR/Seed/bin/Release/net10.0/TeleCmi.Bench.Seed.dll" \
  --connection "$(bench_db_connection_string)" --out "$BENCH_WORK" \
  --calls "$CALLS" --drivers "$DRIVERS" --agents "$AGENTS" --months 18 | tee "$RUN_DIR/seed.log"

# ------------------------------------------------------------------ 3. service (and the stand-in it calls)
bench_start_standin
bench_start_service
python3 "$BENCH_DIR/prepare.py" tokens --url "$BENCH_URL" --work "$BENCH_WORK"

CALLS_TOTAL="$(bench_mysql -N -e 'SELECT COUNT(*) FROM call_logs')"
PER_AGENT=$(( CALLS_TOTAL / AGENTS ))
DEEP=10000
if [ "$PER_AGENT" -lt 20000 ]; then DEEP=$(( (PER_AGENT / 2) / 20 * 20 )); fi
[ "$DEEP" -lt 20 ] && DEEP=20
BUSINESS_TZ="${BENCH_TIME_ZONE:-Asia/Kolkata}"   # the service's Reporting:TimeZone (report days, "today")
TODAY="$(TZ="$BUSINESS_TZ" date +%F)"
FROM_30D="$(TZ="$BUSINESS_TZ" date -d "$TODAY -29 days" +%F)"
FROM_18M="$(TZ="$BUSINESS_TZ" date -d "$TODAY -18 months" +%F)"
LATENCY_OPTION=0
grep -rqs "ClickToCallLatencyMs" "$REPO_ROOT/src/TeleCmiStandIn" "$REPO_ROOT/src/Api/Simulator" && LATENCY_OPTION=1

# The machine may be shared: if something outside the harness stopped the service, say so (incidents.txt,
# shown in the report), start it again and carry on. Tokens stay valid (same signing key).
ensure_service() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then return 0; fi
  local status=0
  wait "$SERVICE_PID" 2>/dev/null || status=$?
  local what="exit status $status"
  [ "$status" -gt 128 ] && what="killed by signal $((status - 128)) ($(kill -l $((status - 128)) 2>/dev/null))"
  echo "before $1: the service (pid $SERVICE_PID) had stopped, $what, not by the harness; restarted" >>"$RUN_DIR/incidents.txt"
  blog "the service had stopped ($what) before $1: restarting it"
  SERVICE_PID=""
  bench_start_service
}

# Cursor paging (3b): walk to the same depth as 3a and replay that cursor.
CURSOR_STATUS="not run"
if want deep_cursor; then
  rm -f "$BENCH_WORK/cursors.lua"
  ensure_service "the cursor walk"
  set +e
  python3 "$BENCH_DIR/prepare.py" cursors --url "$BENCH_URL" --work "$BENCH_WORK" --depth "$DEEP" --agents 8 2>"$RUN_DIR/cursors.err"
  rc=$?
  set -e
  case $rc in
    0) CURSOR_STATUS="ok" ;;
    3) CURSOR_STATUS="skipped: $(tail -n1 "$RUN_DIR/cursors.err")" ;;
    *) CURSOR_STATUS="failed: $(tail -n1 "$RUN_DIR/cursors.err")" ;;
  esac
  blog "cursor paging: $CURSOR_STATUS"
fi

cat >"$RUN_DIR/meta.json" <<EOF
{
  "run_id": "$RUN_ID",
  "quick": $([ "$QUICK" = 1 ] && echo true || echo false),
  "git_commit": "$(git -C "$REPO_ROOT" rev-parse --short HEAD)$(git -C "$REPO_ROOT" diff --quiet HEAD -- src migrations 2>/dev/null || echo '+dirty')",
  "git_branch": "$(git -C "$REPO_ROOT" rev-parse --abbrev-ref HEAD)",
  "nproc": $(nproc),
  "cpu": "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/"/ /g')",
  "mem_gib": $(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo),
  "mariadb": "$(bench_db_root -N -e 'select version()')",
  "dotnet": "$(dotnet --version)",
  "wrk": "$(wrk -v 2>&1 | head -n1 | awk '{print $2}')",
  "calls_total": $CALLS_TOTAL,
  "agents": $AGENTS,
  "connections": $CONNECTIONS,
  "threads": $THREADS,
  "duration_s": $DURATION,
  "wrk_timeout": "$WRK_TIMEOUT",
  "webhook_duration_s": $WEBHOOK_DURATION,
  "soak_s": $SOAK,
  "deep_offset": $DEEP,
  "cursor_status": "$CURSOR_STATUS",
  "click2call_latency_ms": $CLICK2CALL_LATENCY_MS,
  "pace_ms": ${BENCH_PACE_MS:-640},
  "standin": "$BENCH_STANDIN",
  "standin_webhook_posts": ${BENCH_STANDIN_WEBHOOK_POSTS:-64},
  "event_spacing_ms": $BENCH_EVENT_SPACING_MS,
  "click2call_latency_option_on_main": $([ "$LATENCY_OPTION" = 1 ] && echo true || echo false),
  "report_30d": ["$FROM_30D", "$TODAY"],
  "report_18m": ["$FROM_18M", "$TODAY"],
  "buffer_pool": "$BENCH_DB_POOL"
}
EOF

# ------------------------------------------------------------------ 4. scenarios
# run_wrk ID LUA_SCENARIO SECONDS [KEY=VALUE...]: warm-up (not recorded), then the measured run with RSS sampling
# and CPU accounting. BEFORE_MEASURE (a command) runs between the two. wrk drives TARGET_URL (default: the service).
BEFORE_MEASURE=true
run_wrk() {
  local id="$1" scenario="$2" seconds="$3"; shift 3
  local url="${TARGET_URL:-$BENCH_URL}"
  ensure_service "$id"
  if ! kill -0 "$STANDIN_PID" 2>/dev/null; then
    echo "before $id: the stand-in (pid $STANDIN_PID) had stopped, not by the harness; restarted" >>"$RUN_DIR/incidents.txt"
    STANDIN_PID=""; bench_start_standin
  fi
  local envs=(BENCH_SCENARIO="$scenario" BENCH_WORK="$BENCH_WORK" BENCH_THREADS="$THREADS"
              BENCH_WEBHOOK_TOKEN="$BENCH_WEBHOOK_TOKEN" BENCH_APP_SECRET="$BENCH_APP_SECRET" BENCH_DEEP_OFFSET="$DEEP" "$@")
  if [ "$WARMUP" -gt 0 ]; then
    env "${envs[@]}" BENCH_WRK_JSON= BENCH_WARMUP=1 timeout $((WARMUP + 60)) \
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout "$WRK_TIMEOUT" -s "$BENCH_DIR/lua/bench.lua" "$url" >/dev/null 2>&1 || true
  fi
  $BEFORE_MEASURE
  blog "scenario $id: wrk -t$THREADS -c$CONNECTIONS -d${seconds}s ($scenario)"
  bench_rss_sampler "$RUN_DIR/$id.rss" &
  SAMPLER_PID=$!
  local standin_sampler=""
  if [ -n "$STANDIN_PID" ]; then bench_rss_sampler "$RUN_DIR/$id.standin.rss" "$STANDIN_PID" & standin_sampler=$!; fi
  python3 "$BENCH_DIR/cpu.py" snap "$RUN_DIR/$id.cpu0"
  env "${envs[@]}" BENCH_WRK_JSON="$RUN_DIR/$id.json" BENCH_IDS_FILE="$RUN_DIR/$id.ids" timeout $((seconds + 120)) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout "$WRK_TIMEOUT" -s "$BENCH_DIR/lua/bench.lua" "$url" \
    >"$RUN_DIR/$id.wrk.txt" 2>&1 || blog "wrk exited non-zero for $id (see $RUN_DIR/$id.wrk.txt)"
  kill -0 "$SERVICE_PID" 2>/dev/null || echo "during $id: the service stopped (not by the harness); this scenario's numbers are void" >>"$RUN_DIR/incidents.txt"
  python3 "$BENCH_DIR/cpu.py" snap "$RUN_DIR/$id.cpu1"
  kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
  if [ -n "$standin_sampler" ]; then kill "$standin_sampler" 2>/dev/null || true; wait "$standin_sampler" 2>/dev/null || true; fi
  python3 "$BENCH_DIR/cpu.py" diff "$RUN_DIR/$id.cpu0" "$RUN_DIR/$id.cpu1" --out "$RUN_DIR/$id.cpu.json" \
    --service "$SERVICE_PID" --db "$(cat "$BENCH_DB_PIDFILE" 2>/dev/null)" --standin "${STANDIN_PID:-}" \
    && rm -f "$RUN_DIR/$id.cpu0" "$RUN_DIR/$id.cpu1"
  grep -v '^BENCH_JSON' "$RUN_DIR/$id.wrk.txt" | sed -n '1,12p' >&2 || true
}

DELIVERIES_BEFORE=0
BATCHES_BEFORE="0 0"
# metric_sum_count PREFIX LABEL...: "<sum> <count>" of the service's histogram PREFIX (Prometheus names, e.g.
# telecmi_webhooks_batch_size) over the series carrying every LABEL (e.g. 'outcome="committed"'), from /metrics.
metric_sum_count() {
  curl -s "$BENCH_METRICS_URL/metrics" | python3 -c '
import sys
prefix, labels = sys.argv[1], sys.argv[2:]
total = count = 0.0
for line in sys.stdin:
    if not line.startswith(prefix + "_") or "}" not in line or not all(l in line for l in labels):
        continue
    name, value = line.split("{", 1)[0], float(line.rsplit("}", 1)[1].split()[0])
    if name == prefix + "_sum": total += value
    elif name == prefix + "_count": count += value
print(total, count)' "$@"
}
# The service's committed webhook batches so far: "<batches> <deliveries>" (telecmi_webhooks_batch_size, ADR 0008).
webhook_batches() {
  metric_sum_count telecmi_webhooks_batch_size 'outcome="committed"' | awk '{printf "%d %d\n", $2, $1}'
}
# "<server_sum> <server_count> <provider_sum> <provider_count>": the server's time for POST /api/calls answered 201
# (ASP.NET Core's http.server.request.duration) and the gateway's click2call to TeleCMI, retries included
# (telecmi.provider.duration). Their difference is the service's own work per call.
initiate_timings() {
  echo "$(metric_sum_count http_server_request_duration_seconds 'http_route="api/calls"' 'http_request_method="POST"' \
            'http_response_status_code="201"') $(metric_sum_count telecmi_provider_duration_seconds 'operation="click_to_call"')"
}

TIMINGS_BEFORE="0 0 0 0"
note_timings() { TIMINGS_BEFORE="$(initiate_timings)"; }
note_deliveries() {
  DELIVERIES_BEFORE="$(bench_mysql -N -e 'SELECT COALESCE(MAX(Id), 0) FROM webhook_deliveries')"
  BATCHES_BEFORE="$(webhook_batches)"
}

# run_counted ID SCENARIO SECONDS: run_wrk plus the zero-lost check: every delivery id acknowledged with 200
# must be a stored, processed row (bench/check_deliveries.py).
run_counted() {
  local id="$1"
  BEFORE_MEASURE="note_deliveries"
  run_wrk "$@"
  BEFORE_MEASURE=true
  sleep 2
  # The mean batch of this scenario, for the baseline's group commit (bench/RawDb --service-batch).
  python3 -c 'import json, sys; b0, d0, b1, d1 = map(int, sys.argv[1:5]); b, d = b1 - b0, d1 - d0
print(json.dumps({"batches": b, "deliveries": d, "mean": round(d / b, 2) if b else None}))' \
    $BATCHES_BEFORE $(webhook_batches) >"$RUN_DIR/$id.batch.json" || true
  [ -s "$RUN_DIR/$id.ids" ] || : >"$RUN_DIR/$id.ids"
  python3 "$BENCH_DIR/check_deliveries.py" "$RUN_DIR/$id.ids" "$DELIVERIES_BEFORE" "$RUN_DIR/$id.db.json" -- \
    mariadb --no-defaults -h127.0.0.1 -P"$BENCH_DB_PORT" -u"$BENCH_DB_USER" -p"$BENCH_DB_PASSWORD" "$BENCH_DB_NAME" >&2 \
    && rm -f "$RUN_DIR/$id.ids"
}

want list_agent      && run_wrk list_agent list_agent "$DURATION"
want list_agent_nototal && run_wrk list_agent_nototal list_agent_nototal "$DURATION"
want list_supervisor && run_wrk list_supervisor list_supervisor "$DURATION"
want deep_offset     && run_wrk deep_offset deep_offset "$DURATION"
if want deep_cursor; then
  if [ "$CURSOR_STATUS" = ok ]; then run_wrk deep_cursor deep_cursor "$DURATION"
  else echo "{\"skipped\": \"$CURSOR_STATUS\"}" >"$RUN_DIR/deep_cursor.json"; fi
fi
want webhooks   && run_counted webhooks webhooks "$WEBHOOK_DURATION"
# one_connection ID ...: run_wrk at ONE connection (the latency of one request alone, without queueing).
one_connection() {
  local c="$CONNECTIONS" t="$THREADS"
  CONNECTIONS=1 THREADS=1
  run_wrk "$@"
  CONNECTIONS="$c" THREADS="$t"
}
if want report_30d; then
  run_wrk report_30d report "$DURATION" BENCH_REPORT_FROM="$FROM_30D" BENCH_REPORT_TO="$TODAY"
  one_connection report_30d_c1 report "$DURATION" BENCH_REPORT_FROM="$FROM_30D" BENCH_REPORT_TO="$TODAY"
fi
if want report_18m; then
  run_wrk report_18m report "$DURATION" BENCH_REPORT_FROM="$FROM_18M" BENCH_REPORT_TO="$TODAY"
  one_connection report_18m_c1 report "$DURATION" BENCH_REPORT_FROM="$FROM_18M" BENCH_REPORT_TO="$TODAY"
fi
# The soak before (6): at 32 connections (6) overloads the machine (each call brings six stand-in webhooks), and the
# heap it leaves behind would be counted as the soak's first minute (docs/PERFORMANCE.md).
if want soak && [ "$SOAK" -gt 0 ]; then
  run_counted soak soak "$SOAK"
fi
if want initiate || want initiate_c1; then
  # The stand-in posts six webhooks per call, BENCH_EVENT_SPACING_MS apart: at least that long before a quiet check.
  SETTLE_MIN=$(( BENCH_EVENT_SPACING_MS * 8 / 1000 + 3 ))
  if want initiate; then
    run_wrk initiate initiate "$DURATION" BENCH_DRIVER_START="$RANDOM" BENCH_DRIVER_BLOCK=0
    # The same 32 connections, paced (each waits ~BENCH_PACE_MS between its calls): well below saturation, so its p50
    # is the added latency under concurrent load without queueing (closed-loop (6) measures the overload).
    settle "$SETTLE_MIN"
    run_wrk initiate_paced initiate "$DURATION" BENCH_DRIVER_START="$RANDOM" BENCH_DRIVER_BLOCK=1 BENCH_PACE_MS="${BENCH_PACE_MS:-640}"
  fi
  # The stand-in alone at ONE connection (its click2call as the gateway sends it): its own latency, which (6′) subtracts.
  settle "$SETTLE_MIN"
  TARGET_URL="$BENCH_STANDIN_URL" \
    one_connection standin_c1 standin "$DURATION"
  # The same at ONE connection: the service's own added latency without queueing behind 31 others.
  settle "$SETTLE_MIN"
  BEFORE_MEASURE=note_timings one_connection initiate_c1 initiate "$DURATION" BENCH_DRIVER_START="$RANDOM" BENCH_DRIVER_BLOCK=1
  # Means over the measured run: the server's time per 201 and the click2call's, in ms (the report splits (6′) with them).
  python3 -c 'import json, sys
a = [float(x) for x in sys.argv[1].split()]; b = [float(x) for x in sys.argv[2].split()]
d = [y - x for x, y in zip(a, b)]
mean = lambda s, n: round(s / n * 1000, 2) if n else None
print(json.dumps({"calls": int(d[1]), "server_ms": mean(d[0], d[1]), "click2call_ms": mean(d[2], d[3])}))' \
    "$TIMINGS_BEFORE" "$(initiate_timings)" >"$RUN_DIR/initiate_c1.timings.json" || true
  # The stand-in posts six webhooks per call, BENCH_EVENT_SPACING_MS apart: let them drain before the next step.
  settle "$SETTLE_MIN"
fi
bench_stop_service
bench_stop_standin

# ------------------------------------------------------------------ 5. the raw-SQL baseline (service stopped)
if want baseline; then
  BASELINE_SECONDS="${BENCH_BASELINE_SECONDS:-$DURATION}"
  for s in list_agent $(want list_agent_nototal && echo list_agent_nototal) list_supervisor webhooks $(want initiate && echo initiate); do
    secs="$BASELINE_SECONDS"; [ "$s" = webhooks ] && secs="$WEBHOOK_DURATION"
    # (6′)'s database part: one worker, as (6′) has one connection, idle where the service waits for TeleCMI.
    workers="$CONNECTIONS"; extra=()
    [ "$s" = initiate ] && workers=1 && extra=(--gap-ms "$CLICK2CALL_LATENCY_MS")
    blog "baseline $s: bench/RawDb, $workers workers, ${secs}s"
    python3 "$BENCH_DIR/cpu.py" snap "$RUN_DIR/baseline-$s.cpu0"
    timeout $((secs + 180)) dotnet "$BENCH_DIR/RawDb/bin/Release/net10.0/TeleCmi.Bench.RawDb.dll" \
      --connection "$(bench_db_connection_string)" --work "$BENCH_WORK" --scenario "$s" \
      --seconds "$secs" --warmup "$WARMUP" --workers "$workers" "${extra[@]}" --out "$RUN_DIR/baseline-$s.json" \
      --service-result "$RUN_DIR/webhooks.json" --service-batch "$RUN_DIR/webhooks.batch.json" \
      --writers "$WEBHOOK_WRITERS" || blog "baseline $s failed"
    python3 "$BENCH_DIR/cpu.py" snap "$RUN_DIR/baseline-$s.cpu1"
    python3 "$BENCH_DIR/cpu.py" diff "$RUN_DIR/baseline-$s.cpu0" "$RUN_DIR/baseline-$s.cpu1" --out "$RUN_DIR/baseline-$s.cpu.json" \
      --db "$(cat "$BENCH_DB_PIDFILE" 2>/dev/null)" && rm -f "$RUN_DIR/baseline-$s.cpu0" "$RUN_DIR/baseline-$s.cpu1"
  done
fi

# ------------------------------------------------------------------ 6. report
python3 "$BENCH_DIR/report.py" "$RUN_DIR" --out "$BENCH_DIR/results/latest.md"
