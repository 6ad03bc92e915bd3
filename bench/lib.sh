#!/usr/bin/env bash
# Shared helpers of bench/run.sh and bench/capture-sql.sh: building and running the service against the
# bench database. Source it after bench/db.sh; nothing runs when sourced.

BENCH_DIR="${BENCH_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}"
REPO_ROOT="${REPO_ROOT:-$(cd "$BENCH_DIR/.." && pwd)}"
BENCH_PORT="${BENCH_PORT:-5299}"
BENCH_URL="http://127.0.0.1:${BENCH_PORT}"
# Outside Development the service serves /metrics only on a port of its own (Metrics:Port); run.sh reads it there.
BENCH_METRICS_PORT="${BENCH_METRICS_PORT:-5297}"
BENCH_METRICS_URL="http://127.0.0.1:${BENCH_METRICS_PORT}"
BENCH_WORK="${BENCH_WORK:-$BENCH_DIR/.work/$BENCH_DB_NAME}"
# BENCH_SERVICE_DLL: another build of the service (A/B runs of two versions with BENCH_SKIP_BUILD=1).
SERVICE_DLL="${BENCH_SERVICE_DLL:-$REPO_ROOT/src/Api/bin/Release/net10.0/TeleCmi.Api.dll}"
# The TeleCMI stand-in's own project (src/TeleCmiStandIn); building src/Api builds it too (the API references it).
STANDIN_DLL="$REPO_ROOT/src/TeleCmiStandIn/bin/Release/net10.0/TeleCmi.StandIn.dll"
SERVICE_LOG="$BENCH_WORK/service.log"
SERVICE_PID=""
# The TeleCMI stand-in runs as a process of its own (as TeleCMI does). BENCH_STANDIN=inprocess (the service hosting
# it) is gone: that needs TeleCmi:Mode=Simulated, which the service accepts in Development only.
BENCH_STANDIN="${BENCH_STANDIN:-process}"
if [ "$BENCH_STANDIN" != process ]; then
  echo "bench: BENCH_STANDIN=$BENCH_STANDIN is not supported any more (only 'process'): the service hosts a stand-in in Development only" >&2
  return 1 2>/dev/null || exit 1
fi
BENCH_STANDIN_PORT="${BENCH_STANDIN_PORT:-5298}"
BENCH_STANDIN_URL="http://127.0.0.1:${BENCH_STANDIN_PORT}"
STANDIN_LOG="$BENCH_WORK/standin.log"
STANDIN_PID=""

blog() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# Secrets made once per work dir, so a token taken in one step still verifies in the next.
bench_secrets() {
  mkdir -p "$BENCH_WORK"
  local f="$BENCH_WORK/secrets.env"
  if [ ! -s "$f" ]; then
    {
      printf 'BENCH_JWT_KEY=%s\n' "$(head -c 48 /dev/urandom | base64 -w0)"
      printf 'BENCH_WEBHOOK_TOKEN=%s\n' "$(head -c 24 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')"
      printf 'BENCH_APP_SECRET=%s\n' "$(head -c 24 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')"
    } >"$f"
    chmod 600 "$f"
  fi
  # shellcheck disable=SC1090
  . "$f"
  export BENCH_JWT_KEY BENCH_WEBHOOK_TOKEN BENCH_APP_SECRET
}

bench_build_service() {
  blog "dotnet build -c Release src/Api"
  (cd "$REPO_ROOT" && timeout 900 dotnet build -c Release src/Api/TeleCmi.Api.csproj -nologo -v q) >"$BENCH_WORK/build-api.log" 2>&1 \
    || { tail -n 30 "$BENCH_WORK/build-api.log" >&2; return 1; }
}

# Starts the Release build in the background with the bench settings; extra KEY=VALUE pairs override
# or add settings (e.g. a logging level), as do those in BENCH_SERVICE_ENV (space-separated, for A/B runs of
# runtime settings such as DOTNET_GCgen0MaxBudget). Sets SERVICE_PID.
bench_start_service() {
  bench_secrets
  if curl -fsS -o /dev/null "$BENCH_URL/health/live" 2>/dev/null; then
    blog "something already answers on $BENCH_URL: stop it first"; return 1
  fi
  local connection
  connection="$(bench_db_connection_string)Maximum Pool Size=${BENCH_SERVICE_POOL:-100};"
  blog "starting the service on $BENCH_URL (log $SERVICE_LOG)"
  env -i PATH="$PATH" HOME="${HOME:-/root}" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="$BENCH_URL" \
    Database__Provider=MySql \
    Database__MigrateOnStartup=true \
    ConnectionStrings__Default="$connection" \
    Jwt__SigningKey="$BENCH_JWT_KEY" \
    TeleCmi__AppId=1111112 \
    TeleCmi__AppSecret="$BENCH_APP_SECRET" \
    TeleCmi__WebhookToken="$BENCH_WEBHOOK_TOKEN" \
    $(bench_teleCmi_settings) \
    Logging__LogLevel__Default=Warning \
    RateLimits__SignInPerMinute=100000 \
    RateLimits__TeleCmiCallsPerMinute=1000000 \
    RateLimits__WebhooksPerSecond=1000000 \
    Webhooks__Writers="${BENCH_WEBHOOK_WRITERS:-2}" \
    Reporting__TimeZone="${BENCH_TIME_ZONE:-Asia/Kolkata}" \
    Calls__DailyTeleCmiCallCap=1000000 \
    Compliance__CallingHours=00:00-24:00 \
    Metrics__Enabled=true \
    Metrics__Port="$BENCH_METRICS_PORT" \
    ${BENCH_SERVICE_ENV:-} \
    "$@" \
    setsid dotnet "$SERVICE_DLL" >"$SERVICE_LOG" 2>&1 </dev/null &
  SERVICE_PID=$!
  echo "$SERVICE_PID" >"$BENCH_WORK/service.pid"
  bench_wait_ready service "$BENCH_URL/health/ready" "$SERVICE_PID" "$SERVICE_LOG" 600
}

# bench_wait_ready NAME URL PID LOG SECONDS: until URL answers 2xx; fails (with the log's tail) if PID exits or time runs out.
bench_wait_ready() {
  local name="$1" url="$2" pid="$3" log="$4" seconds="$5" i
  for i in $(seq $((seconds * 2))); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then blog "$name ready (pid $pid)"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then blog "the $name exited; last log lines:"; tail -n 40 "$log" >&2; return 1; fi
    sleep 0.5
  done
  blog "the $name did not become ready within $seconds s"; tail -n 40 "$log" >&2
  return 1
}

# How the service reaches TeleCMI: Live mode against the stand-in's process, exactly as it would reach TeleCMI.
bench_teleCmi_settings() {
  echo "TeleCmi__Mode=Live TeleCmi__BaseUrl=$BENCH_STANDIN_URL/"
}

# Starts the stand-in (src/TeleCmiStandIn, Release) on its own port, with the service's app id, secret and webhook
# token, posting its webhooks to the service with at most BENCH_STANDIN_WEBHOOK_POSTS (64) in flight; the rest wait
# in it, as a provider's webhook queue would. Sets STANDIN_PID.
bench_start_standin() {
  if [ -n "$STANDIN_PID" ] && kill -0 "$STANDIN_PID" 2>/dev/null; then return 0; fi
  bench_secrets
  if curl -fsS -o /dev/null "$BENCH_STANDIN_URL/health/live" 2>/dev/null; then
    blog "something already answers on $BENCH_STANDIN_URL: stop it first"; return 1
  fi
  blog "starting the TeleCMI stand-in on $BENCH_STANDIN_URL (log $STANDIN_LOG)"
  env -i PATH="$PATH" HOME="${HOME:-/root}" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
    ASPNETCORE_URLS="$BENCH_STANDIN_URL" \
    TeleCmi__AppId=1111112 \
    TeleCmi__AppSecret="$BENCH_APP_SECRET" \
    TeleCmi__WebhookToken="$BENCH_WEBHOOK_TOKEN" \
    TeleCmi__Simulator__ClickToCallLatencyMs="${BENCH_CLICK2CALL_LATENCY_MS:-50}" \
    TeleCmi__Simulator__EventSpacingMs="${BENCH_EVENT_SPACING_MS:-250}" \
    TeleCmi__Simulator__WebhookBaseUrl="$BENCH_URL/" \
    TeleCmi__Simulator__MaxConcurrentWebhookPosts="${BENCH_STANDIN_WEBHOOK_POSTS:-64}" \
    Logging__LogLevel__Default=Warning \
    setsid dotnet "$STANDIN_DLL" >"$STANDIN_LOG" 2>&1 </dev/null &
  STANDIN_PID=$!
  echo "$STANDIN_PID" >"$BENCH_WORK/standin.pid"
  bench_wait_ready stand-in "$BENCH_STANDIN_URL/health/live" "$STANDIN_PID" "$STANDIN_LOG" 120
}

bench_stop_standin() {
  bench_stop_process stand-in "$BENCH_WORK/standin.pid" "${STANDIN_PID:-}"
  STANDIN_PID=""
}

bench_stop_service() {
  bench_stop_process service "$BENCH_WORK/service.pid" "${SERVICE_PID:-}"
  SERVICE_PID=""
}

# bench_stop_process NAME PIDFILE [PID]: TERM, up to 30 s to exit, then KILL; the pid from PIDFILE when none is given.
bench_stop_process() {
  local name="$1" pidfile="$2" pid="${3:-}"
  [ -z "$pid" ] && [ -s "$pidfile" ] && pid="$(cat "$pidfile")"
  [ -z "$pid" ] && return 0
  if kill -0 "$pid" 2>/dev/null; then
    blog "stopping the $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for i in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$pidfile"
}

# Resident set size of the service (or of process $1) in MB (0 when gone).
bench_rss_mb() {
  local kb
  kb="$(awk '/^VmRSS:/ {print $2}' "/proc/${1:-$SERVICE_PID}/status" 2>/dev/null)"
  echo $(( ${kb:-0} / 1024 ))
}

# Samples the service's RSS (or process $2's) once a second into $1 ("epoch_s rss_mb" lines) until killed.
bench_rss_sampler() {
  local out="$1" pid="${2:-$SERVICE_PID}"
  : >"$out"
  while kill -0 "$pid" 2>/dev/null; do
    echo "$(date +%s) $(bench_rss_mb "$pid")" >>"$out"
    sleep 1
  done
}

bench_mysql() { mariadb --no-defaults -h127.0.0.1 -P"$BENCH_DB_PORT" -u"$BENCH_DB_USER" -p"$BENCH_DB_PASSWORD" "$BENCH_DB_NAME" "$@"; }
