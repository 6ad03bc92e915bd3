#!/usr/bin/env bash
# Times POST /api/drivers/import of 10,000 rows (issue 19; target < 5 s) on SQLite and on MariaDB.
#
#   bash bench/import.sh            # both engines
#   BENCH_IMPORT_ENGINES=Sqlite bash bench/import.sh
#
# For each engine: starts the Release service (Production, Live mode pointed at an address nobody answers: no call is
# placed) on a fresh database, signs in as the bootstrap admin, and times with curl, one request each:
#   json_create   10,000 new drivers as a JSON array
#   csv_unchanged the same 10,000 as CSV (every row unchanged: the read path)
#   json_update   the same 10,000 as JSON with every fourth name changed (2,500 updated, 7,500 unchanged)
#   csv_create    10,000 other new drivers as CSV
# then checks the counts in each answer, and records the service's CPU time for each request beside the wall time. Writes bench/results/import-<UTC time>.md and prints it.
#
# MariaDB: the local test server (scripts/mariadb-local.sh, 127.0.0.1:3306, its app user); the database
# telecmi_bench_import is dropped and recreated. Never the shared test databases.
#   BENCH_SKIP_BUILD=1  reuse the existing Release build    BENCH_IMPORT_PORT=5391  the service's port
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
ENGINES="${BENCH_IMPORT_ENGINES:-Sqlite MySql}"
PORT="${BENCH_IMPORT_PORT:-5391}"
URL="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/telecmi-import-bench.XXXXXX)"
DLL="$REPO_ROOT/src/Api/bin/Release/net10.0/TeleCmi.Api.dll"
RESULT="$REPO_ROOT/bench/results/import-$(date -u +%Y%m%dT%H%M%SZ).md"
SERVICE_PID=""
ADMIN_PASSWORD="bench-admin-$(head -c 12 /dev/urandom | base64 -w0 | tr -d '+/=')"

# shellcheck source=scripts/mariadb-local.sh
. "$REPO_ROOT/scripts/mariadb-local.sh"

# CPU seconds (user + system) the service has used so far: on a shared machine, the figure load does not inflate.
cpu_seconds() { awk -v t="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / t}' "/proc/$SERVICE_PID/stat"; }
log() { printf '[import-bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
stop_service() { if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""; fi; }
trap 'stop_service; [ -n "${BENCH_IMPORT_KEEP:-}" ] || rm -rf "$WORK"' EXIT

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "dotnet build -c Release src/Api"
  dotnet build -c Release src/Api/TeleCmi.Api.csproj -nologo -v q >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; exit 1; }
fi

python3 - "$WORK" <<'PY'
import csv, json, sys
work = sys.argv[1]
def rows(prefix, changed=False):
    for i in range(10_000):
        name = f"Driver {i}" + (" (moved)" if changed and i % 4 == 0 else "")
        yield {"id": f"{prefix}{i:05d}", "name": name, "phone": f"+9198{i:08d}",
               "tmId": f"TM{i}" if i % 3 == 0 else None, "kind": "transporter" if i % 10 == 0 else "driver"}
def write_json(path, data): open(path, "w").write(json.dumps(list(data)))
def write_csv(path, data):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["id", "name", "phone", "tmId", "kind"])
        for r in data: w.writerow([r["id"], r["name"], r["phone"], r["tmId"] or "", r["kind"]])
write_json(f"{work}/json_create.json", rows("BNA-"))
write_csv(f"{work}/csv_unchanged.csv", rows("BNA-"))
write_json(f"{work}/json_update.json", rows("BNA-", changed=True))
write_csv(f"{work}/csv_create.csv", rows("BNB-"))
PY

declare -A EXPECT=(
  [json_create]="10000 0 0 0" [csv_unchanged]="0 0 10000 0" [json_update]="0 2500 7500 0" [csv_create]="10000 0 0 0"
)
{
  echo "# Driver import: 10,000 rows per request ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); service in Release, Production settings."
  echo "Seconds are curl's total time for one POST /api/drivers/import (upload, validation, database, answer of 10,000 row results)."
  echo
  echo "CPU is the service's own user + system time over the request; load is the 1-minute load average after it (2 cores:"
  echo "above 2, other processes were competing for them, and seconds overstate what the service needs)."
  echo
  echo "| engine | request | rows | created | updated | unchanged | rejected | seconds | service CPU s | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} >"$RESULT"

for engine in $ENGINES; do
  if [ "$engine" = MySql ]; then
    mariadb_local_up >/dev/null
    mariadb -uroot -e "DROP DATABASE IF EXISTS telecmi_bench_import; CREATE DATABASE telecmi_bench_import CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" 2>/dev/null \
      || mariadb -h127.0.0.1 -P"$TELECMI_DB_PORT" -u"$TELECMI_DB_USER" -p"$TELECMI_DB_PASSWORD" -e "DROP DATABASE IF EXISTS telecmi_bench_import; CREATE DATABASE telecmi_bench_import CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    connection="Server=127.0.0.1;Port=$TELECMI_DB_PORT;Database=telecmi_bench_import;User=$TELECMI_DB_USER;Password=$TELECMI_DB_PASSWORD;"
  else
    connection="Data Source=$WORK/import.db"
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
  # One small import first, so the timed requests do not measure JIT compilation of the path.
  curl -fsS -o /dev/null "$URL/api/drivers/import" -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary $'id,name,phone\nWARM-1,Warm Up,9876543210\n'
  for request in json_create csv_unchanged json_update csv_create; do
    case "$request" in json_*) file="$WORK/$request.json"; type=application/json ;; *) file="$WORK/$request.csv"; type=text/csv ;; esac
    cpu_before="$(cpu_seconds)"
    seconds="$(curl -sS -o "$WORK/answer.json" -w '%{time_total}' "$URL/api/drivers/import" \
      -H "Authorization: Bearer $token" -H "Content-Type: $type" --data-binary "@$file")"
    cpu="$(awk -v a="$cpu_before" -v b="$(cpu_seconds)" 'BEGIN {printf "%.2f", b - a}')"
    counts="$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["created"], r["updated"], r["unchanged"], r["rejected"])' "$WORK/answer.json" 2>/dev/null \
      || { head -c 600 "$WORK/answer.json" >&2; echo "?"; })"
    [ "$counts" = "${EXPECT[$request]}" ] || { log "$engine $request: counts '$counts', expected '${EXPECT[$request]}'"; exit 1; }
    log "$engine $request: $seconds s, service CPU $cpu s ($counts)"
    read -r c u n x <<<"$counts"
    echo "| $engine | $request | 10000 | $c | $u | $n | $x | $seconds | $cpu | $(cut -d' ' -f1 /proc/loadavg) |" >>"$RESULT"
  done
  stop_service
  [ "$engine" = MySql ] && mariadb -h127.0.0.1 -P"$TELECMI_DB_PORT" -u"$TELECMI_DB_USER" -p"$TELECMI_DB_PASSWORD" -e "DROP DATABASE IF EXISTS telecmi_bench_import;" 2>/dev/null || true
done
cat "$RESULT"
