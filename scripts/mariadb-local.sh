#!/usr/bin/env bash
# Local MariaDB for TeleCmi development and CI -- no Docker, no systemd.
#
# Installs mariadb-server from apt if it is missing, starts it with mysqld_safe bound to
# 127.0.0.1:3306 (or reuses a server that already answers ping), and creates the test
# database and the app user. Every step is idempotent: run it as often as you like.
#
# Usage:
#   scripts/mariadb-local.sh [up]     install + start + setup (default)
#   scripts/mariadb-local.sh install  apt-get install mariadb-server if mariadbd is missing
#   scripts/mariadb-local.sh start    start the server unless it already answers ping
#   scripts/mariadb-local.sh stop     mariadb-admin -uroot shutdown
#   scripts/mariadb-local.sh setup    create database + users (server must be running)
#   scripts/mariadb-local.sh status   ping the server, then try to log in as the app user
#   scripts/mariadb-local.sh env      print the `export ...` lines the tests read:
#                                     eval "$(scripts/mariadb-local.sh env)"
#
# It can also be sourced (`. scripts/mariadb-local.sh`): that only defines the
# mariadb_local_* functions and the variables below; nothing runs. .ci/run does this,
# so this file is the single source of truth for how MariaDB is installed and started.
#
# Settings (environment variables, defaults are the CI values):
#   TELECMI_DB_NAME      database to create          (telecmi_test)
#   TELECMI_DB_USER      app user                    (telecmi)
#   TELECMI_DB_PASSWORD  app user's password         (telecmi_ci_pw)
#   TELECMI_DB_PORT      TCP port on 127.0.0.1       (3306)
#   MARIADB_ERROR_LOG    mysqld_safe --log-error     (/tmp/mariadb.err)
#
# The app user gets ALL PRIVILEGES ON *.* because the integration tests create and drop
# their own databases (telecmi_test_*). It is a local, loopback-only test server.
# Needs root for apt, /run/mysqld and root's unix-socket login; uses sudo when not root.

TELECMI_DB_NAME="${TELECMI_DB_NAME:-telecmi_test}"
TELECMI_DB_USER="${TELECMI_DB_USER:-telecmi}"
TELECMI_DB_PASSWORD="${TELECMI_DB_PASSWORD:-telecmi_ci_pw}"
TELECMI_DB_PORT="${TELECMI_DB_PORT:-3306}"
MARIADB_ERROR_LOG="${MARIADB_ERROR_LOG:-/tmp/mariadb.err}"

# The exact command line that (re)starts the server. A no-op when a server already
# answers ping; otherwise: socket dir (a bare mariadbd aborts without it), mysqld_safe in
# the background fully detached from our stdio (so a caller that reads our output does not
# hang on the server's inherited pipes), then up to 30 s (60 x 0.5 s) waiting for ping.
# Its exit status is that of the last ping: 0 = server up.
# Plain POSIX sh, no `exit`, so it works under `sh -c`, `bash -c` and `eval`.
# Built when used, so settings changed after sourcing this file still apply.
mariadb_local_start_cmd() {
  printf '%s' "mariadb-admin ping >/dev/null 2>&1 || { install -d -o mysql -g mysql /run/mysqld && (mysqld_safe --bind-address=127.0.0.1 --port=${TELECMI_DB_PORT} --log-error=${MARIADB_ERROR_LOG} </dev/null >/dev/null 2>&1 &) && i=0 && until mariadb-admin ping >/dev/null 2>&1 || [ \$i -ge 60 ]; do i=\$((i+1)); sleep 0.5; done; mariadb-admin ping >/dev/null 2>&1; }"
}
MARIADB_STOP_CMD="mariadb-admin -uroot shutdown"

mariadb_local_log() { echo "[mariadb-local] $*"; }

# Run a command as root: directly when we are root (CI), else through sudo.
mariadb_local_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "[mariadb-local] needs root (or sudo) for: $*" >&2
    return 1
  fi
}

# apt-get update at most once per shell (shared with .ci/run's docker-compose install).
MARIADB_LOCAL_APT_UPDATED="${MARIADB_LOCAL_APT_UPDATED:-0}"
mariadb_local_apt_update_once() {
  if [ "$MARIADB_LOCAL_APT_UPDATED" != 1 ]; then
    mariadb_local_log "apt-get update"
    mariadb_local_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    MARIADB_LOCAL_APT_UPDATED=1
  fi
}

mariadb_local_have_server() {
  # /usr/sbin is not on every non-root PATH.
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]
}

mariadb_local_install() {
  if mariadb_local_have_server; then
    mariadb_local_log "mariadb-server already installed ($(mariadb --version 2>/dev/null | head -n1))"
    return 0
  fi
  mariadb_local_apt_update_once
  mariadb_local_log "installing mariadb-server from apt"
  mariadb_local_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server
}

# 0 when a server answers (ping is 0 even when access is denied: it only asks "alive?").
mariadb_local_ping() { mariadb-admin ping >/dev/null 2>&1; }

mariadb_local_start() {
  if mariadb_local_ping; then
    mariadb_local_log "server already answers ping: reusing it"
    return 0
  fi
  mariadb_local_log "starting mysqld_safe on 127.0.0.1:${TELECMI_DB_PORT} (log: ${MARIADB_ERROR_LOG})"
  if ! mariadb_local_as_root sh -c "$(mariadb_local_start_cmd)"; then
    echo "[mariadb-local] server did not answer ping within 30 s; last lines of ${MARIADB_ERROR_LOG}:" >&2
    tail -n 30 "$MARIADB_ERROR_LOG" >&2 2>/dev/null || true
    return 1
  fi
  mariadb_local_log "server is up"
}

mariadb_local_stop() {
  if ! mariadb_local_ping; then
    mariadb_local_log "server is not running"
    return 0
  fi
  mariadb_local_log "stopping server"
  mariadb_local_as_root sh -c "$MARIADB_STOP_CMD"
}

mariadb_local_setup() {
  local ident='^[A-Za-z0-9_]+$'
  if ! [[ "$TELECMI_DB_NAME" =~ $ident && "$TELECMI_DB_USER" =~ $ident ]]; then
    echo "[mariadb-local] TELECMI_DB_NAME / TELECMI_DB_USER must match $ident" >&2
    return 1
  fi
  case "$TELECMI_DB_PASSWORD" in
    *"'"* | *\\* | '') echo "[mariadb-local] TELECMI_DB_PASSWORD must be non-empty, without ' or \\" >&2; return 1 ;;
  esac
  local db="$TELECMI_DB_NAME" user="$TELECMI_DB_USER" pw="$TELECMI_DB_PASSWORD"
  mariadb_local_log "creating database ${db} and user ${user}@localhost / ${user}@127.0.0.1"
  # Connections to 127.0.0.1 may match 'user'@'localhost', so both hosts get the same
  # password and grants. ALTER USER keeps the password right when the user already existed.
  mariadb_local_as_root mariadb -uroot <<SQL
CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${user}'@'localhost' IDENTIFIED BY '${pw}';
CREATE USER IF NOT EXISTS '${user}'@'127.0.0.1' IDENTIFIED BY '${pw}';
ALTER USER '${user}'@'localhost' IDENTIFIED BY '${pw}';
ALTER USER '${user}'@'127.0.0.1' IDENTIFIED BY '${pw}';
GRANT ALL PRIVILEGES ON *.* TO '${user}'@'localhost';
GRANT ALL PRIVILEGES ON *.* TO '${user}'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
}

# Log in over TCP exactly as the tests do.
mariadb_local_check() {
  mariadb -h127.0.0.1 -P"${TELECMI_DB_PORT}" -u"${TELECMI_DB_USER}" -p"${TELECMI_DB_PASSWORD}" \
    -e 'select 1' >/dev/null
}

mariadb_local_connection_string() {
  printf 'Server=127.0.0.1;Port=%s;Database=%s;User=%s;Password=%s;' \
    "$TELECMI_DB_PORT" "$TELECMI_DB_NAME" "$TELECMI_DB_USER" "$TELECMI_DB_PASSWORD"
}

# Export what the integration / fault tests read.
mariadb_local_export_env() {
  export TELECMI_TEST_MYSQL
  TELECMI_TEST_MYSQL="$(mariadb_local_connection_string)"
  export TELECMI_TEST_MARIADB_CONTROL=1
  export TELECMI_MARIADB_START_CMD
  TELECMI_MARIADB_START_CMD="$(mariadb_local_start_cmd)"
  export TELECMI_MARIADB_STOP_CMD="$MARIADB_STOP_CMD"
}

mariadb_local_print_env() {
  printf 'export TELECMI_TEST_MYSQL=%q\n' "$(mariadb_local_connection_string)"
  printf 'export TELECMI_TEST_MARIADB_CONTROL=1\n'
  printf 'export TELECMI_MARIADB_START_CMD=%q\n' "$(mariadb_local_start_cmd)"
  printf 'export TELECMI_MARIADB_STOP_CMD=%q\n' "$MARIADB_STOP_CMD"
}

mariadb_local_up() {
  mariadb_local_install
  mariadb_local_start
  mariadb_local_setup
}

mariadb_local_main() {
  set -euo pipefail
  local cmd="${1:-up}"
  case "$cmd" in
    up)      mariadb_local_up
             mariadb_local_check && mariadb_local_log "ok: ${TELECMI_DB_USER}@127.0.0.1:${TELECMI_DB_PORT} can log in"
             mariadb_local_log "for the tests: eval \"\$($0 env)\"" ;;
    install) mariadb_local_install ;;
    start)   mariadb_local_start ;;
    stop)    mariadb_local_stop ;;
    setup)   mariadb_local_setup ;;
    status)  if mariadb_local_ping; then mariadb_local_log "server answers ping"; else mariadb_local_log "server is not running"; return 1; fi
             mariadb_local_check && mariadb_local_log "ok: ${TELECMI_DB_USER}@127.0.0.1:${TELECMI_DB_PORT} can log in" ;;
    env)     mariadb_local_print_env ;;
    -h|--help|help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0" ;;
    *)       echo "unknown command: $cmd (try --help)" >&2; return 2 ;;
  esac
}

# Run only when executed, not when sourced.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  mariadb_local_main "$@"
fi
