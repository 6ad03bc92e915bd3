#!/usr/bin/env bash
# What a 30 s MariaDB outage under mixed load writes to the log (docs/OPERATIONS.md, "Database outage: what the log shows").
#
#   bash scripts/outage/measure.sh <published API dir> <output dir>
#
# Uses a MariaDB instance of its own (OUTAGE_DB_PORT, default 3317; OUTAGE_DB_DATADIR; OUTAGE_DB_SOCKET), created on the
# first run, and never the test server on 3306. Starts the Release API in Production against it with JSON logs to
# <output dir>/api.log, runs scripts/outage/load.py for LOAD_SECONDS (75), stops MariaDB after WARM_SECONDS (15) for
# DOWN_SECONDS (30), starts it again, and counts the log with scripts/outage/count_log.py. Needs root (mysqld_safe --user=mysql).
set -euo pipefail

API_DIR="$(cd "$1" && pwd)"
mkdir -p "$2"
OUT="$(cd "$2" && pwd)"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${OUTAGE_DB_PORT:-3317}"
DATADIR="${OUTAGE_DB_DATADIR:-/tmp/mdb$PORT}"
SOCKET="${OUTAGE_DB_SOCKET:-/tmp/mdb$PORT.sock}"
API_URL="${OUTAGE_API_URL:-http://127.0.0.1:5099}"
WARM="${WARM_SECONDS:-15}" DOWN="${DOWN_SECONDS:-30}" LOAD="${LOAD_SECONDS:-75}"
ADMIN_USER=outage-admin ADMIN_PASSWORD=outage-admin-password-1 WEBHOOK_TOKEN=outage-webhook-token-0123456789

db_start() {
  (mysqld_safe --no-defaults --datadir="$DATADIR" --port="$PORT" --socket="$SOCKET" --bind-address=127.0.0.1 \
     --user=mysql --pid-file="$DATADIR.pid" --log-error="$DATADIR.err" >/dev/null 2>&1 &)
  for _ in $(seq 120); do mariadb-admin --socket="$SOCKET" -uroot ping >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "MariaDB on $PORT did not start" >&2; return 1
}
db_stop() { mariadb-admin --socket="$SOCKET" -uroot shutdown; }

[ -d "$DATADIR/mysql" ] || mariadb-install-db --user=mysql --datadir="$DATADIR" >/dev/null
mariadb-admin --socket="$SOCKET" -uroot ping >/dev/null 2>&1 || db_start
mariadb --socket="$SOCKET" -uroot -e "DROP DATABASE IF EXISTS telecmi_outage;
  CREATE DATABASE telecmi_outage CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS 'outage'@'localhost' IDENTIFIED BY 'outage-pass';
  CREATE USER IF NOT EXISTS 'outage'@'127.0.0.1' IDENTIFIED BY 'outage-pass';
  GRANT ALL ON telecmi_outage.* TO 'outage'@'localhost'; GRANT ALL ON telecmi_outage.* TO 'outage'@'127.0.0.1';"

# From the publish directory: the content root (and so appsettings.json) is the working directory.
cd "$API_DIR"
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$API_URL" \
Jwt__SigningKey=outage-measurement-signing-key-0123456789abcdef \
Database__Provider=MySql ConnectionStrings__Default="Server=127.0.0.1;Port=$PORT;Database=telecmi_outage;User=outage;Password=outage-pass" \
Auth__BootstrapAdmin__Username=$ADMIN_USER Auth__BootstrapAdmin__Password=$ADMIN_PASSWORD \
TeleCmi__Mode=Live TeleCmi__AppId=1111112 TeleCmi__AppSecret=not-a-real-secret TeleCmi__WebhookToken=$WEBHOOK_TOKEN \
TeleCmi__BaseUrl=http://127.0.0.1:9/ \
RateLimits__SignInPerMinute=100000 RateLimits__TeleCmiCallsPerMinute=100000 RateLimits__WebhooksPerSecond=100000 \
  dotnet "$API_DIR/TeleCmi.Api.dll" >"$OUT/api.log" 2>&1 &
API_PID=$!
trap 'kill $API_PID 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf "$API_URL/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "$API_URL/health/ready" >/dev/null

python3 "$HERE/load.py" --base "$API_URL" --seconds "$LOAD" --user $ADMIN_USER --password $ADMIN_PASSWORD \
  --webhook-token $WEBHOOK_TOKEN >"$OUT/load.json" &
LOAD_PID=$!
sleep "$WARM"
STOPPED_AT="$(date -u +%Y-%m-%dT%H:%M:%S.000Z)"
db_stop
echo "MariaDB stopped at $STOPPED_AT" | tee "$OUT/timeline.txt"
sleep "$DOWN"
db_start
echo "MariaDB started at $(date -u +%Y-%m-%dT%H:%M:%S.000Z)" | tee -a "$OUT/timeline.txt"
wait $LOAD_PID
echo "load ended at $(date -u +%Y-%m-%dT%H:%M:%S.000Z)" | tee -a "$OUT/timeline.txt"
sleep 2
kill $API_PID; wait $API_PID 2>/dev/null || true
python3 "$HERE/count_log.py" "$OUT/api.log" >"$OUT/counts-all.json"
python3 "$HERE/count_log.py" "$OUT/api.log" --since "$STOPPED_AT" >"$OUT/counts-from-stop.json"
cat "$OUT/load.json" "$OUT/counts-from-stop.json"
