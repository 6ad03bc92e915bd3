#!/usr/bin/env bash
# The dashboard's first view on the bench's data: `bash bench/dashboard.sh` (docs/PERFORMANCE.md, "Dashboard").
#
#  1. the bench's own MariaDB (bench/db.sh, port 3307), seeded with bench/Seed as bench/run.sh does (1,000,000 calls,
#     50 telecallers, a supervisor; skipped when already seeded)
#  2. the service in Release against it (bench settings, bench/lib.sh)
#  3. tools/dashboard/first-view.mjs in Debian's chromium: as the supervisor and as a telecaller, sign-in to the live
#     board complete, then each page; prints the table (also written to bench/results/dashboard-latest.md)
#
# Environment: BENCH_QUICK=1 (20,000 calls), BENCH_SKIP_BUILD=1, DASHBOARD_RUNS (5).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
cd "$REPO_ROOT"
# shellcheck source=bench/db.sh
. "$BENCH_DIR/db.sh"
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"
if [ "${BENCH_QUICK:-0}" = 1 ]; then CALLS=20000; DRIVERS=10000; else CALLS=1000000; DRIVERS=100000; fi
AGENTS=50
trap 'bench_stop_service' EXIT
mkdir -p "$BENCH_WORK" "$BENCH_DIR/results"

blog "MariaDB bench instance (port $BENCH_DB_PORT, database $BENCH_DB_NAME)"
bench_db_up
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  bench_build_service
  timeout 900 dotnet build -c Release "$BENCH_DIR/Seed/TeleCmi.Bench.Seed.csproj" -nologo -v q >"$BENCH_WORK/build-seed.log" 2>&1 \
    || { tail -n 30 "$BENCH_WORK/build-seed.log" >&2; exit 1; }
fi
blog "schema: starting the service once so it applies its migrations"
bench_start_service
bench_stop_service
blog "seeding ($CALLS calls; skipped when already there)"
timeout 1800 dotnet "$BENCH_DIR/Seed/bin/Release/net10.0/TeleCmi.Bench.Seed.dll" \
  --connection "$(bench_db_connection_string)" --out "$BENCH_WORK" --calls "$CALLS" --drivers "$DRIVERS" --agents "$AGENTS" --months 18

# The build output has no wwwroot (a publish copies it; a Release build in Development serves it as static web assets).
bench_start_service ASPNETCORE_WEBROOT="$REPO_ROOT/src/Api/wwwroot"
( cd tools/dashboard && [ -d node_modules/playwright-core ] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error )
PASSWORD="$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["password"])' "$BENCH_WORK/fixtures.json")"
CALLER="$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["agents"][0])' "$BENCH_WORK/fixtures.json")"
OUT="$BENCH_DIR/results/dashboard-latest.md"
{
  echo "# Dashboard first view, $(date -u +%FT%TZ), $(bench_mysql -N -e 'SELECT COUNT(*) FROM call_logs') calls"
  echo
  ( cd tools/dashboard && node first-view.mjs "$BENCH_URL" bench-supervisor "$PASSWORD" "${DASHBOARD_RUNS:-5}" )
  echo
  ( cd tools/dashboard && node first-view.mjs "$BENCH_URL" "$CALLER" "$PASSWORD" "${DASHBOARD_RUNS:-5}" )
} | tee "$OUT"
