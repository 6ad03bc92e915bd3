#!/usr/bin/env bash
# Times POST /api/drivers/do-not-call/import of 100,000 numbers against 110,000 drivers (issue 21; target < 10 s), on
# SQLite and on MariaDB.
#
#   bash bench/dnc-import.sh            # both engines
#   BENCH_DNC_ENGINES=MySql bash bench/dnc-import.sh
#
# For each engine: starts the Release service (Production, Live mode pointed at an address nobody answers: no call is
# placed) on a fresh database, signs in as the bootstrap admin, adds 110,000 drivers with eleven POST /api/drivers/import
# of 10,000 rows (not timed), then times with curl, one request each:
#   dnc_mark   100,000 numbers (a `phone` column): 90,000 of drivers, 5,000 of nobody, 2,000 repeats of the first ones in
#              another format (0 + ten digits), 3,000 invalid -> 90,000 drivers marked
#   dnc_again  the same file again: every matched driver is already marked (the read path)
# checks the counts in each answer and records the service's CPU time beside the wall time. Writes
# bench/results/dnc-import-<UTC time>.md and prints it.
#
# MariaDB: the local test server (scripts/mariadb-local.sh, 127.0.0.1:3306, its app user); the database
# telecmi_bench_dnc is dropped and recreated. Never the shared test databases.
#   BENCH_SKIP_BUILD=1  reuse the existing Release build    BENCH_DNC_PORT=5392  the service's port
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
ENGINES="${BENCH_DNC_ENGINES:-Sqlite MySql}"
PORT="${BENCH_DNC_PORT:-5392}"
URL="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/telecmi-dnc-bench.XXXXXX)"
DLL="$REPO_ROOT/src/Api/bin/Release/net10.0/TeleCmi.Api.dll"
RESULT="$REPO_ROOT/bench/results/dnc-import-$(date -u +%Y%m%dT%H%M%SZ).md"
SERVICE_PID=""
ADMIN_PASSWORD="bench-admin-$(head -c 12 /dev/urandom | base64 -w0 | tr -d '+/=')"
DB=telecmi_bench_dnc

# shellcheck source=scripts/mariadb-local.sh
. "$REPO_ROOT/scripts/mariadb-local.sh"

cpu_seconds() { awk -v t="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / t}' "/proc/$SERVICE_PID/stat"; }
log() { printf '[dnc-bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
stop_service() { if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""; fi; }
trap 'stop_service; [ -n "${BENCH_DNC_KEEP:-}" ] || rm -rf "$WORK"' EXIT

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "dotnet build -c Release src/Api"
  dotnet build -c Release src/Api/TeleCmi.Api.csproj -nologo -v q >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; exit 1; }
fi

python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
for part in range(11):
    with open(f"{work}/drivers-{part}.csv", "w", newline="") as f:
        f.write("id,name,phone\r\n")
        for i in range(part * 10_000, (part + 1) * 10_000):
            f.write(f"DNC-{i:06d},Driver {i},+9198{i:08d}\r\n")
with open(f"{work}/numbers.csv", "w", newline="") as f:
    f.write("phone\r\n")
    for i in range(90_000): f.write(f"+9198{i:08d}\r\n")                # drivers
    for i in range(110_000, 115_000): f.write(f"+9198{i:08d}\r\n")      # nobody
    for i in range(2_000): f.write(f"098{i:08d}\r\n")                   # repeats, another format
    for i in range(3_000): f.write(f"12-{i}\r\n")                       # invalid
PY

declare -A EXPECT=([dnc_mark]="100000 90000 0 5000 2000 3000" [dnc_again]="100000 0 90000 5000 2000 3000")
{
  echo "# Do-not-call import: 100,000 numbers against 110,000 drivers ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); service in Release, Production settings."
  echo "Seconds are curl's total time for one POST /api/drivers/do-not-call/import (upload of $(wc -c <"$WORK/numbers.csv") bytes,"
  echo "normalisation, database, answer). CPU is the service's own user + system time over the request; load is the"
  echo "1-minute load average after it (2 cores: above 2, other processes were competing for them)."
  echo
  echo "| engine | request | numbers | marked | already marked | unmatched | duplicates | invalid | seconds | service CPU s | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
} >"$RESULT"

for engine in $ENGINES; do
  if [ "$engine" = MySql ]; then
    mariadb_local_up >/dev/null
    mariadb -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" 2>/dev/null \
      || mariadb -h127.0.0.1 -P"$TELECMI_DB_PORT" -u"$TELECMI_DB_USER" -p"$TELECMI_DB_PASSWORD" -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    connection="Server=127.0.0.1;Port=$TELECMI_DB_PORT;Database=$DB;User=$TELECMI_DB_USER;Password=$TELECMI_DB_PASSWORD;"
  else
    connection="Data Source=$WORK/dnc.db"
  fi
  log "$engine: starting the service on $URL"
  env -i PATH="$PATH" HOME="${HOME:-/root}" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$URL" \
    Database__Provider="$engine" Database__MigrateOnStartup=true ConnectionStrings__Default="$connection" \
    Jwt__SigningKey="$(head -c 48 /dev/urandom | base64 -w0)" \
    Auth__BootstrapAdmin__Username=benchadmin Auth__BootstrapAdmin__Password="$ADMIN_PASSWORD" \
    TeleCmi__Mode=Live TeleCmi__BaseUrl=http://127.0.0.1:9/ TeleCmi__AppId=1111112 \
    TeleCmi__AppSecret="$(head -c 24 /dev/urandom | base64 -w0 | tr -d '+/=')" \
    TeleCmi__WebhookToken="$(head -c 24 /dev/urandom | base64 -w0 | tr -d '+/=')" \
    Logging__LogLevel__Default=Warning RateLimits__SignInPerMinute=100000 \
    setsid dotnet "$DLL" >"$WORK/service-$engine.log" 2>&1 </dev/null &
  SERVICE_PID=$!
  for _ in $(seq 240); do curl -fsS -o /dev/null "$URL/health/ready" 2>/dev/null && break; kill -0 "$SERVICE_PID" 2>/dev/null || { tail -n 40 "$WORK/service-$engine.log" >&2; exit 1; }; sleep 0.5; done
  token="$(curl -fsS "$URL/api/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"benchadmin\",\"password\":\"$ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
  log "$engine: adding 110,000 drivers"
  for part in $(seq 0 10); do
    curl -fsS -o /dev/null "$URL/api/drivers/import" -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary "@$WORK/drivers-$part.csv"
  done
  # One small import first, so the timed requests do not measure JIT compilation of the path.
  curl -fsS -o /dev/null "$URL/api/drivers/do-not-call/import" -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary $'9000000001\n'
  for request in dnc_mark dnc_again; do
    cpu_before="$(cpu_seconds)"
    seconds="$(curl -sS -o "$WORK/answer.json" -w '%{time_total}' "$URL/api/drivers/do-not-call/import?source=dnd_registry" \
      -H "Authorization: Bearer $token" -H "Content-Type: text/csv" --data-binary "@$WORK/numbers.csv")"
    cpu="$(awk -v a="$cpu_before" -v b="$(cpu_seconds)" 'BEGIN {printf "%.2f", b - a}')"
    counts="$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["numbers"], r["marked"], r["alreadyMarked"], r["unmatched"], r["duplicates"], r["invalid"])' "$WORK/answer.json" 2>/dev/null \
      || { head -c 600 "$WORK/answer.json" >&2; echo "?"; })"
    [ "$counts" = "${EXPECT[$request]}" ] || { log "$engine $request: counts '$counts', expected '${EXPECT[$request]}'"; exit 1; }
    log "$engine $request: $seconds s, service CPU $cpu s ($counts)"
    read -r n m a u d x <<<"$counts"
    echo "| $engine | $request | $n | $m | $a | $u | $d | $x | $seconds | $cpu | $(cut -d' ' -f1 /proc/loadavg) |" >>"$RESULT"
  done
  stop_service
  [ "$engine" = MySql ] && mariadb -h127.0.0.1 -P"$TELECMI_DB_PORT" -u"$TELECMI_DB_USER" -p"$TELECMI_DB_PASSWORD" -e "DROP DATABASE IF EXISTS $DB;" 2>/dev/null || true
done
cat "$RESULT"
