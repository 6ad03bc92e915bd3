#!/usr/bin/env bash
# The dashboard check: the pages served at / (src/Api/wwwroot) in a real browser -- Playwright driving Debian's
# chromium (apt; no browser is downloaded), axe-core on every page.
#
#   bash scripts/dashboard-check.sh
#
#  1. tools/dashboard: `npm ci` when its packages are missing (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
#  2. Builds the service (Release) and starts it in Development -- demo accounts, the TeleCMI stand-in in-process --
#     on a free loopback port with a SQLite database in a temporary folder; waits for /health/ready.
#  3. Runs tools/dashboard/tests: sign in (bad credentials show an error); a call placed through the stand-in moves
#     from initiated to completed on the live board without reload (SSE); the stream parser and its reconnection
#     with Last-Event-ID; a recording plays; CSV export of the current filters downloads; a telecaller cannot see
#     another's call; axe-core on every page, desktop and phone; screenshots of each page into docs/dashboard/.
#  4. Stops the service, removes the temporary folder; prints "dashboard check: N passed, N failed" last and exits
#     non-zero when any of this failed.
#
# Settings (environment): DASHBOARD_CHECK_NO_BUILD=1 skips `dotnet build` (a Release build must exist);
# CHROMIUM_PATH (default /usr/bin/chromium); DASHBOARD_SCREENSHOTS (default docs/dashboard; empty: none);
# DASHBOARD_CHECK_GREP runs only the tests whose title matches (while working on one).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$(pwd)"
API_DIR="$REPO_ROOT/src/Api/bin/Release/net10.0"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
SCREENSHOTS="${DASHBOARD_SCREENSHOTS-$REPO_ROOT/docs/dashboard}"

WORK="$(mktemp -d -t telecmi-dashboard-check.XXXXXX)"
API_PID=""
stop_service() {
  if [ -n "$API_PID" ] && kill -0 "$API_PID" 2>/dev/null; then
    kill -TERM "$API_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$API_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$API_PID" 2>/dev/null || true
    wait "$API_PID" 2>/dev/null || true
  fi
  API_PID=""
}
cleanup() { stop_service; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "$1" >&2; echo "dashboard check: 0 passed, 1 failed"; exit 1; }

show_service_log() {
  echo "--- the service's log (last 60 lines) ---" >&2
  tail -n 60 "$WORK/api.log" >&2 || true
}

[ -x "$CHROMIUM_PATH" ] || fail "no chromium at $CHROMIUM_PATH (apt-get install -y chromium)"

# --- 1. the browser tests' packages -----------------------------------------------------------------------------
echo "==> tools/dashboard: playwright + axe-core ($("$CHROMIUM_PATH" --version 2>/dev/null || echo chromium))"
(
  cd tools/dashboard
  for package in @playwright/test playwright-core @axe-core/playwright axe-core; do
    [ -d "node_modules/$package" ] || { npm ci --no-audit --no-fund --loglevel=error; break; }
  done
)

# --- 2. the service, in Development ----------------------------------------------------------------------------
if [ "${DASHBOARD_CHECK_NO_BUILD:-0}" != 1 ]; then
  echo "==> service: dotnet build src/Api -c Release"
  dotnet build src/Api/TeleCmi.Api.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
fi
[ -f "$API_DIR/TeleCmi.Api.dll" ] || fail "no Release build at $API_DIR"

PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
BASE_URL="http://127.0.0.1:$PORT"
echo "==> service: Development on $BASE_URL, database $WORK/telecmi.db"
# The stand-in's webhooks 2.5 s apart, so the board shows each status; the tests sign in more than 10 times a minute.
( cd "$API_DIR" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE_URL" \
    ConnectionStrings__Default="Data Source=$WORK/telecmi.db" \
    TeleCmi__Simulator__EventSpacingMs=2500 RateLimits__SignInPerMinute=1000 \
    exec dotnet TeleCmi.Api.dll ) >"$WORK/api.log" 2>&1 </dev/null &
API_PID=$!

ready=0
for _ in $(seq 120); do
  if ! kill -0 "$API_PID" 2>/dev/null; then show_service_log; fail "the service exited during start-up"; fi
  if node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$BASE_URL/health/ready"; then
    ready=1; break
  fi
  sleep 0.5
done
[ "$ready" = 1 ] || { show_service_log; fail "the service was not ready within 60 s"; }

# --- 3. the browser tests ----------------------------------------------------------------------------------------
echo "==> dashboard tests against $BASE_URL"
[ -z "$SCREENSHOTS" ] || mkdir -p "$SCREENSHOTS"
set +e
( cd tools/dashboard && rm -rf test-results && DASHBOARD_BASE_URL="$BASE_URL" DASHBOARD_SCREENSHOTS="$SCREENSHOTS" \
    timeout "${DASHBOARD_CHECK_TIMEOUT_SECONDS:-600}" npx --no-install playwright test ${DASHBOARD_CHECK_GREP:+--grep "$DASHBOARD_CHECK_GREP"} )
TEST_EXIT=$?
set -e
if [ "$TEST_EXIT" != 0 ]; then show_service_log; fi

# --- 4. stop, count ---------------------------------------------------------------------------------------------
stop_service
set +e
( cd tools/dashboard && node summary.mjs test-results/results.json )
SUMMARY_EXIT=$?
set -e
[ "$TEST_EXIT" = 0 ] && [ "$SUMMARY_EXIT" = 0 ]
