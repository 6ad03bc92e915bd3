#!/usr/bin/env bash
# The generated-client check: a TypeScript client generated from docs/openapi.json must type-check, and run a
# telecaller's flow against the real service without a single response the document does not allow.
#
#   bash scripts/client-check.sh
#
#  1. tools/openapi: `npm ci` when its packages are missing; `npm run build` generates generated/api.d.ts with
#     openapi-typescript and compiles client-check/*.ts with tsc (strict; nothing is emitted on a type error).
#  2. Builds the service (Release) and starts it in Development -- demo accounts, the TeleCMI stand-in in-process --
#     on a free loopback port with a SQLite database in a temporary folder; waits for /health/ready.
#  3. Runs client-check/dist/flow.js: sign in, create and find a driver, initiate a call (Idempotency-Key, replayed),
#     poll it to its end, recording, feedback, a manual call, list calls (nextCursor), export, follow-ups, reports,
#     sign out. Every response's status, media type and JSON body are checked against the document.
#  4. Stops the service, removes the temporary folder; exits non-zero when any of this failed.
#
# Settings (environment): CLIENT_CHECK_NO_BUILD=1 skips `dotnet build` (a Release build must exist);
# OPENAPI_DOCUMENT=<file> checks the responses against another copy of the document (the types always come from
# docs/openapi.json); CLIENT_CHECK_POLL_SECONDS (default 60) bounds the wait for the call to end, and
# CLIENT_CHECK_TIMEOUT_SECONDS (default 300) the whole flow.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$(pwd)"
API_DIR="$REPO_ROOT/src/Api/bin/Release/net10.0"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

DOCUMENT="$(realpath "${OPENAPI_DOCUMENT:-docs/openapi.json}")"

WORK="$(mktemp -d -t telecmi-client-check.XXXXXX)"
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

show_service_log() {
  echo "--- the service's log (last 60 lines) ---" >&2
  tail -n 60 "$WORK/api.log" >&2 || true
}

# --- 1. the client: generate the types, type-check and compile -------------------------------------------------
echo "==> client: openapi-typescript + tsc (tools/openapi)"
(
  cd tools/openapi
  for package in openapi-typescript typescript openapi-fetch ajv ajv-formats; do
    [ -d "node_modules/$package" ] || { npm ci --no-audit --no-fund --loglevel=error; break; }
  done
  npm run --silent build
)

# --- 2. the service, in Development ----------------------------------------------------------------------------
if [ "${CLIENT_CHECK_NO_BUILD:-0}" != 1 ]; then
  echo "==> service: dotnet build src/Api -c Release"
  dotnet build src/Api/TeleCmi.Api.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
fi
[ -f "$API_DIR/TeleCmi.Api.dll" ] || { echo "no Release build at $API_DIR" >&2; exit 1; }

PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
BASE_URL="http://127.0.0.1:$PORT"
echo "==> service: Development on $BASE_URL, database $WORK/telecmi.db"
# The content root is the build output, where appsettings*.json are; exec so that $! is the service itself.
# The flow places a call whatever the hour CI runs at: calling hours open all day (Compliance:CallingHours).
( cd "$API_DIR" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE_URL" Compliance__CallingHours=00:00-24:00 \
    ConnectionStrings__Default="Data Source=$WORK/telecmi.db" exec dotnet TeleCmi.Api.dll ) >"$WORK/api.log" 2>&1 </dev/null &
API_PID=$!

ready=0
for _ in $(seq 120); do
  if ! kill -0 "$API_PID" 2>/dev/null; then echo "the service exited during start-up" >&2; show_service_log; exit 1; fi
  if node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$BASE_URL/health/ready"; then
    ready=1; break
  fi
  sleep 0.5
done
[ "$ready" = 1 ] || { echo "the service was not ready within 60 s" >&2; show_service_log; exit 1; }

# --- 3. the flow ------------------------------------------------------------------------------------------------
echo "==> client check: the flow against $BASE_URL"
set +e
( cd tools/openapi && TELECMI_BASE_URL="$BASE_URL" OPENAPI_DOCUMENT="$DOCUMENT" \
    timeout "${CLIENT_CHECK_TIMEOUT_SECONDS:-300}" node client-check/dist/flow.js )
FLOW_EXIT=$?
set -e
if [ "$FLOW_EXIT" = 124 ]; then echo "the flow did not finish within ${CLIENT_CHECK_TIMEOUT_SECONDS:-300} s" >&2; fi
if [ "$FLOW_EXIT" != 0 ]; then show_service_log; fi

# --- 4. stop ----------------------------------------------------------------------------------------------------
stop_service
exit "$FLOW_EXIT"
