#!/usr/bin/env bash
# The live-stream bench (issue 20): 500 subscribers on GET /api/calls/events (the bench supervisor) while the stand-in's
# webhooks arrive at ~200/s (33 calls/s, 6 webhooks each). Measures webhook -> event latency (p50/p99; target p99 < 1 s)
# and the service's RSS (target < 400 MB). See docs/PERFORMANCE.md, "Live stream".
#
# Runs on the bench's own MariaDB (bench/db.sh, port 3307), in a database of its own (telecmi_bench_sse: a small seed,
# 20,000 calls) and on ports of its own (service 5399, stand-in 5398, metrics 5397), so it never meets a run of
# bench/run.sh. As root, like bench/run.sh.
#
# Environment: SSE_SUBSCRIBERS=500 SSE_SECONDS=60 SSE_WEBHOOKS_PER_SECOND=200 BENCH_SKIP_BUILD=1 BENCH_SERVICE_ENV="..."
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
cd "$REPO_ROOT"

export BENCH_DB_NAME="${BENCH_DB_NAME:-telecmi_bench_sse}"
export BENCH_PORT="${BENCH_PORT:-5399}" BENCH_STANDIN_PORT="${BENCH_STANDIN_PORT:-5398}" BENCH_METRICS_PORT="${BENCH_METRICS_PORT:-5397}"
SUBSCRIBERS="${SSE_SUBSCRIBERS:-500}"
SECONDS_OF_LOAD="${SSE_SECONDS:-60}"
WEBHOOKS_PER_SECOND="${SSE_WEBHOOKS_PER_SECOND:-200}"

# shellcheck source=bench/db.sh
. "$BENCH_DIR/db.sh"
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

RUN_DIR="$BENCH_DIR/results/runs/sse-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RUN_DIR" "$BENCH_WORK"
SAMPLER_PID=""
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  bench_stop_service
  bench_stop_standin
}
trap cleanup EXIT

bench_db_up
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  bench_build_service
  for p in Seed/TeleCmi.Bench.Seed.csproj SseLoad/TeleCmi.Bench.SseLoad.csproj; do
    (cd "$BENCH_DIR" && timeout 600 dotnet build -c Release "$p" -nologo -v q) >"$BENCH_WORK/build-bench.log" 2>&1 \
      || { tail -n 30 "$BENCH_WORK/build-bench.log" >&2; exit 1; }
  done
fi

# Schema from the service's migrations, then a small seed (agents, drivers, fixtures).
bench_start_service
bench_stop_service
timeout 1800 dotnet "$BENCH_DIR/Seed/bin/Release/net10.0/TeleCmi.Bench.Seed.dll" \
  --connection "$(bench_db_connection_string)" --out "$BENCH_WORK" \
  --calls 20000 --drivers 10000 --agents 50 --months 18 | tee "$RUN_DIR/seed.log"

bench_start_standin
bench_start_service
bench_rss_sampler "$RUN_DIR/sse.rss" &
SAMPLER_PID=$!

blog "load: $SUBSCRIBERS subscribers, ~$WEBHOOKS_PER_SECOND webhooks/s for $SECONDS_OF_LOAD s"
dotnet "$BENCH_DIR/SseLoad/bin/Release/net10.0/TeleCmi.Bench.SseLoad.dll" \
  --url "$BENCH_URL" --fixtures "$BENCH_WORK/fixtures.json" --subscribers "$SUBSCRIBERS" --seconds "$SECONDS_OF_LOAD" \
  --webhooks-per-second "$WEBHOOKS_PER_SECOND" --out "$RUN_DIR/sse.json"

received="$(curl -fsS "$BENCH_METRICS_URL/metrics" | awk '/^telecmi_webhooks_received_total/ {s += $2} END {print s + 0}')"
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
rss_max="$(awk 'BEGIN {m = 0} {if ($2 > m) m = $2} END {print m}' "$RUN_DIR/sse.rss")"
blog "webhooks received in all: $received; service RSS max: ${rss_max} MB"
printf '{"webhooks_received_total": %s, "service_rss_mb_max": %s}\n' "$received" "$rss_max" >"$RUN_DIR/sse.service.json"
echo "results: $RUN_DIR"
