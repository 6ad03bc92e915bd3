#!/usr/bin/env bash
# The benchmark's OWN MariaDB: a dedicated instance on 127.0.0.1:3307 with its own datadir, socket,
# pid file and config, so it never touches the test server on port 3306.
#
# Usage:
#   bash bench/db.sh up       install mariadb-server if missing, init the datadir, start, create db + user
#   bash bench/db.sh down     shut the bench instance down (the 3306 server is not touched)
#   bash bench/db.sh status   ping + log in as the bench user
#   bash bench/db.sh env      print `export ...` lines (connection string etc.): eval "$(bash bench/db.sh env)"
#   bash bench/db.sh sql      open a root client on the bench instance (or: bash bench/db.sh sql -e '...')
#   bash bench/db.sh reset    drop the bench database (next run re-creates the schema and re-seeds)
#   bash bench/db.sh config   print the server configuration in use
#
# It can be sourced: then it only defines the bench_db_* functions and the variables below.
#
# Settings (environment; defaults in brackets):
#   BENCH_DB_HOME     everything of the instance lives here      [/var/tmp/telecmi-bench]
#   BENCH_DB_PORT     TCP port on 127.0.0.1                       [3307]
#   BENCH_DB_POOL     innodb_buffer_pool_size                    [2G]
#   BENCH_QUICK=1     use the small database telecmi_bench_quick instead of telecmi_bench
#   BENCH_DB_NAME     database name (overrides the above)
# Needs root (apt, chown to mysql, root's unix-socket login). No systemd, no Docker.

BENCH_DB_HOME="${BENCH_DB_HOME:-/var/tmp/telecmi-bench}"
BENCH_DB_PORT="${BENCH_DB_PORT:-3307}"
BENCH_DB_POOL="${BENCH_DB_POOL:-2G}"
if [ -z "${BENCH_DB_NAME:-}" ]; then
  if [ "${BENCH_QUICK:-0}" = 1 ]; then BENCH_DB_NAME=telecmi_bench_quick; else BENCH_DB_NAME=telecmi_bench; fi
fi
BENCH_DB_USER="${BENCH_DB_USER:-bench}"
BENCH_DB_PASSWORD="${BENCH_DB_PASSWORD:-bench_local_pw}"
BENCH_DB_DATADIR="$BENCH_DB_HOME/mysql"
BENCH_DB_SOCKET="$BENCH_DB_HOME/mysqld.sock"
BENCH_DB_PIDFILE="$BENCH_DB_HOME/mysqld.pid"
BENCH_DB_ERRLOG="$BENCH_DB_HOME/mysqld.err"
BENCH_DB_CNF="$BENCH_DB_HOME/my.cnf"

bench_db_log() { echo "[bench-db] $*" >&2; }

# Root client on the bench instance only: --no-defaults so /etc/mysql's [client] socket (the 3306
# server's) is never read.
bench_db_root() { mariadb --no-defaults --socket="$BENCH_DB_SOCKET" -uroot "$@"; }
bench_db_admin() { mariadb-admin --no-defaults --socket="$BENCH_DB_SOCKET" -uroot "$@"; }
bench_db_ping() { [ -S "$BENCH_DB_SOCKET" ] && bench_db_admin ping >/dev/null 2>&1; }

bench_db_install() {
  if command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]; then return 0; fi
  bench_db_log "installing mariadb-server from apt"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server
}

# The whole server configuration. --defaults-file makes it the ONLY option file read, so nothing of
# /etc/mysql (socket, port, pid file of the 3306 server) leaks in. Durability is left at the
# production defaults: innodb_flush_log_at_trx_commit=1 (fsync per commit), doublewrite on.
bench_db_write_cnf() {
  mkdir -p "$BENCH_DB_HOME"
  cat >"$BENCH_DB_CNF" <<EOF
# Written by bench/db.sh -- the TeleCmi benchmark's own MariaDB instance.
[mysqld]
user                           = mysql
port                           = ${BENCH_DB_PORT}
bind-address                   = 127.0.0.1
socket                         = ${BENCH_DB_SOCKET}
pid-file                       = ${BENCH_DB_PIDFILE}
datadir                        = ${BENCH_DB_DATADIR}
log-error                      = ${BENCH_DB_ERRLOG}
skip-name-resolve
character-set-server           = utf8mb4
collation-server               = utf8mb4_unicode_ci
max_connections                = 300
innodb_buffer_pool_size        = ${BENCH_DB_POOL}
innodb_log_file_size           = 512M
innodb_flush_log_at_trx_commit = 1
innodb_flush_method            = O_DIRECT
local_infile                   = 1

[mysqld_safe]
log-error                      = ${BENCH_DB_ERRLOG}
pid-file                       = ${BENCH_DB_PIDFILE}
socket                         = ${BENCH_DB_SOCKET}
EOF
}

bench_db_init() {
  if [ -d "$BENCH_DB_DATADIR/mysql" ]; then return 0; fi
  bench_db_log "initialising datadir $BENCH_DB_DATADIR"
  install -d -o mysql -g mysql "$BENCH_DB_DATADIR"
  mariadb-install-db --defaults-file="$BENCH_DB_CNF" --user=mysql --datadir="$BENCH_DB_DATADIR" \
    --auth-root-authentication-method=socket --skip-test-db >"$BENCH_DB_HOME/install-db.log" 2>&1 \
    || { cat "$BENCH_DB_HOME/install-db.log" >&2; return 1; }
}

bench_db_start() {
  if bench_db_ping; then bench_db_log "bench instance already answers on $BENCH_DB_SOCKET"; return 0; fi
  chown mysql:mysql "$BENCH_DB_HOME"
  bench_db_log "starting mysqld_safe --defaults-file=$BENCH_DB_CNF (port $BENCH_DB_PORT, log $BENCH_DB_ERRLOG)"
  (setsid mysqld_safe --defaults-file="$BENCH_DB_CNF" </dev/null >/dev/null 2>&1 &)
  local i
  for i in $(seq 120); do bench_db_ping && break; sleep 0.5; done
  if ! bench_db_ping; then
    bench_db_log "bench instance did not come up; last lines of $BENCH_DB_ERRLOG:"
    tail -n 30 "$BENCH_DB_ERRLOG" >&2 2>/dev/null || true
    return 1
  fi
}

bench_db_setup() {
  bench_db_root <<SQL
CREATE DATABASE IF NOT EXISTS \`${BENCH_DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${BENCH_DB_USER}'@'localhost' IDENTIFIED BY '${BENCH_DB_PASSWORD}';
CREATE USER IF NOT EXISTS '${BENCH_DB_USER}'@'127.0.0.1' IDENTIFIED BY '${BENCH_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`telecmi\\_bench%\`.* TO '${BENCH_DB_USER}'@'localhost';
GRANT ALL PRIVILEGES ON \`telecmi\\_bench%\`.* TO '${BENCH_DB_USER}'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
}

bench_db_connection_string() {
  printf 'Server=127.0.0.1;Port=%s;Database=%s;User=%s;Password=%s;' \
    "$BENCH_DB_PORT" "$BENCH_DB_NAME" "$BENCH_DB_USER" "$BENCH_DB_PASSWORD"
}

bench_db_up() {
  bench_db_install
  bench_db_write_cnf
  bench_db_init
  bench_db_start
  bench_db_setup
  bench_db_log "up: $(bench_db_root -N -e 'select version()') on 127.0.0.1:${BENCH_DB_PORT}, database ${BENCH_DB_NAME}"
}

bench_db_down() {
  if ! bench_db_ping; then bench_db_log "bench instance is not running"; return 0; fi
  bench_db_log "shutting the bench instance down"
  bench_db_admin shutdown
}

bench_db_main() {
  set -euo pipefail
  local cmd="${1:-up}"; shift || true
  case "$cmd" in
    up) bench_db_up ;;
    down|stop) bench_db_down ;;
    status)
      bench_db_ping || { bench_db_log "not running"; return 1; }
      mariadb --no-defaults -h127.0.0.1 -P"$BENCH_DB_PORT" -u"$BENCH_DB_USER" -p"$BENCH_DB_PASSWORD" "$BENCH_DB_NAME" \
        -N -e "select concat('ok: ', current_user(), ' on ', version(), ', database ', database())" ;;
    env)
      printf 'export BENCH_DB_CONNECTION=%q\n' "$(bench_db_connection_string)"
      printf 'export BENCH_DB_NAME=%q BENCH_DB_PORT=%q BENCH_DB_SOCKET=%q\n' "$BENCH_DB_NAME" "$BENCH_DB_PORT" "$BENCH_DB_SOCKET" ;;
    sql) bench_db_root "$BENCH_DB_NAME" "$@" ;;
    reset)
      bench_db_log "dropping database ${BENCH_DB_NAME}"
      bench_db_root -e "DROP DATABASE IF EXISTS \`${BENCH_DB_NAME}\`" ;;
    config) cat "$BENCH_DB_CNF" ;;
    -h|--help|help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0" ;;
    *) echo "unknown command: $cmd (try --help)" >&2; return 2 ;;
  esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  bench_db_main "$@"
fi
