#!/usr/bin/env bash
# Prints the SQL the service sends for ONE request of each baseline scenario, so bench/RawDb/Scenarios.cs can be
# re-synced when the service changes:
#   (1) GET /api/calls?limit=20 as an agent (and (1′) with includeTotal=false)      (2) the supervisor's filtered page      (4) one webhook
#   (6) POST /api/calls (with the TeleCMI stand-in started as in bench/run.sh)
# Starts the Release service against the bench database (bench/db.sh, port 3307) with EF Core's command log at
# Information, makes the requests with curl and prints each request's statements (with parameter values).
#
# Usage: bash bench/capture-sql.sh            (BENCH_QUICK=1 to use the small database; needs a seeded database,
#                                             i.e. one earlier bench/run.sh; BENCH_SKIP_BUILD=1 to skip the build)
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/db.sh
. "$BENCH_DIR/db.sh"
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"
trap 'bench_stop_service; bench_stop_standin' EXIT

[ -s "$BENCH_WORK/fixtures.json" ] || { echo "no fixtures in $BENCH_WORK: run bench/run.sh once first" >&2; exit 1; }
bench_db_start >/dev/null
[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || bench_build_service
SERVICE_LOG="$BENCH_WORK/capture-sql.log"
bench_start_standin >/dev/null
bench_start_service "Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information" >/dev/null
python3 "$BENCH_DIR/prepare.py" tokens --url "$BENCH_URL" --work "$BENCH_WORK" >/dev/null

agent_token="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["agents"][0])' "$BENCH_WORK/tokens.json")"
sup_token="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["supervisor"])' "$BENCH_WORK/tokens.json")"
# A b-leg CDR that teaches the call nothing new (no_change), and one that does (applied: a later recording
# name wins, so the call row is updated too).
webhook() {
  python3 - "$BENCH_WORK/fixtures.json" "$1" "${2:-0}" <<'EOF'
import json, sys, time
c = json.load(open(sys.argv[1]))["webhook_calls"][int(sys.argv[3])]
body = {"type": "cdr", "status": "answered", "leg": "b", "cmiuuid": c["driver_leg"], "conversation_uuid": c["conversation_uuid"],
        "request_id": c["request_id"], "user": c["user"], "time": c["time"] + 60000, "to": c["to"], "answeredsec": c["talk"],
        "hangup_reason": "recv_bye", "extra_params": {"call_id": c["call_id"]}}
if sys.argv[2] == "applied":
    body["filename"] = "zz_capture_%d.wav" % int(time.time() * 1000)
if sys.argv[2] == "by_request":
    del body["extra_params"]
print(json.dumps(body))
EOF
}
now="$(date -u +%s)"
from="$(date -u -d "@$((now - 40 * 86400))" +%Y-%m-%dT%H:%M:%SZ)"; to="$(date -u -d "@$((now - 10 * 86400))" +%Y-%m-%dT%H:%M:%SZ)"

# The EF Core command log lines on stdin -> the statements, numbered, with their parameters.
print_statements() {
  python3 -c '
import json, sys
n = 0
for line in sys.stdin:
    try:
        e = json.loads(line)
    except ValueError:
        continue
    if e.get("Category") != "Microsoft.EntityFrameworkCore.Database.Command" or "commandText" not in e.get("State", {}):
        continue
    n += 1
    st = e["State"]
    print("-- [%d] %s ms; parameters: %s" % (n, st.get("elapsed"), st.get("parameters") or "none"))
    print(st["commandText"].strip())
    print()
'
}

# capture TITLE curl-args...: the log lines the request added, statements only.
capture() {
  local title="$1"; shift
  sleep 0.5
  local before; before="$(wc -l <"$SERVICE_LOG")"
  local code; code="$(curl -s -o /dev/null -w '%{http_code}' "$@")"
  sleep 0.7
  echo "==================== $title -> HTTP $code"
  tail -n +"$((before + 1))" "$SERVICE_LOG" | print_statements
}


# A burst: 24 webhooks for 24 calls at once, so the intake groups them (ADR 0008); prints each batch's statements.
capture_burst() {
  local title="$1" i
  sleep 0.5
  local before; before="$(wc -l <"$SERVICE_LOG")"
  for i in $(seq 1 24); do webhook no_change "$i" >"$BENCH_WORK/burst-$i.json"; done
  # One process, 24 threads released together (separate curl processes start too far apart to overlap).
  python3 - "$BENCH_URL/api/webhooks/telecmi?token=$BENCH_WEBHOOK_TOKEN" "$BENCH_WORK" <<'PY'
import sys, threading, urllib.request
url, work = sys.argv[1], sys.argv[2]
bodies = [open(f"{work}/burst-{i}.json", "rb").read() for i in range(1, 25)]
gate = threading.Barrier(len(bodies))
def post(body):
    gate.wait()
    urllib.request.urlopen(urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})).read()
threads = [threading.Thread(target=post, args=(b,)) for b in bodies]
for t in threads: t.start()
for t in threads: t.join()
PY
  sleep 0.7
  echo "==================== $title"
  tail -n +"$((before + 1))" "$SERVICE_LOG" | print_statements
}

capture "(1) GET /api/calls?limit=20 (agent)" -H "Authorization: Bearer $agent_token" "$BENCH_URL/api/calls?limit=20"
capture "(1′) GET /api/calls?limit=20&includeTotal=false (agent)" -H "Authorization: Bearer $agent_token" \
  "$BENCH_URL/api/calls?limit=20&includeTotal=false"
capture "(2) GET /api/calls?status=completed&from=$from&to=$to&limit=20 (supervisor)" -H "Authorization: Bearer $sup_token" \
  "$BENCH_URL/api/calls?status=completed&from=$from&to=$to&limit=20"
capture "(4) POST /api/webhooks/telecmi, result no_change (a b-leg CDR repeated for a seeded call)" -H 'Content-Type: application/json' \
  --data "$(webhook no_change)" "$BENCH_URL/api/webhooks/telecmi?token=$BENCH_WEBHOOK_TOKEN"
capture "(4) POST /api/webhooks/telecmi, result applied (the same CDR with a new recording name)" -H 'Content-Type: application/json' \
  --data "$(webhook applied)" "$BENCH_URL/api/webhooks/telecmi?token=$BENCH_WEBHOOK_TOKEN"
capture "(4) POST /api/webhooks/telecmi, no extra_params (matched by request_id), no_change" -H 'Content-Type: application/json' \
  --data "$(webhook by_request)" "$BENCH_URL/api/webhooks/telecmi?token=$BENCH_WEBHOOK_TOKEN"
capture_burst "(4) 24 POST /api/webhooks/telecmi at once for 24 calls (group commit: one SELECT ... IN and one transaction per batch)"
driver="$(python3 -c 'import json,sys,random; print(random.choice(json.load(open(sys.argv[1]))["free_drivers"]))' "$BENCH_WORK/fixtures.json")"
capture "(6) POST /api/calls {\"driverId\":\"$driver\"} (agent; the stand-in answers after its latency)" -H "Authorization: Bearer $agent_token" \
  -H 'Content-Type: application/json' --data "{\"driverId\":\"$driver\"}" "$BENCH_URL/api/calls"
