#!/usr/bin/env bash
# Starts (or stops) MariaDB and Redis on loopback for the tests, without systemd, unless they already answer.
#   scripts/services.sh start | stop | status
# MariaDB: 127.0.0.1:${MARIADB_PORT:-3306}, user parc / password parc, owning every database named parc*.
# Redis:   127.0.0.1:${REDIS_PORT:-6379}.
set -euo pipefail

DIR="${PARC_SERVICES_DIR:-/tmp/parc-services}"
MARIADB_PORT="${MARIADB_PORT:-3306}"
REDIS_PORT="${REDIS_PORT:-6379}"
DB_DIR="$DIR/mariadb"
REDIS_DIR="$DIR/redis"
SOCKET="$DB_DIR/run/mysqld.sock"

# A query, not `mariadb-admin ping`: ping succeeds even when the login is refused.
mariadb_up() { mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$MARIADB_PORT" -uparc -pparc -e 'SELECT 1' >/dev/null 2>&1; }
redis_up() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

create_parc_user() {
  mariadb --no-defaults "$@" -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'parc'@'localhost' IDENTIFIED BY 'parc';
CREATE USER IF NOT EXISTS 'parc'@'127.0.0.1' IDENTIFIED BY 'parc';
GRANT ALL PRIVILEGES ON `parc%`.* TO 'parc'@'localhost';
GRANT ALL PRIVILEGES ON `parc%`.* TO 'parc'@'127.0.0.1';
CREATE DATABASE IF NOT EXISTS parc CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SQL
}

start_mariadb() {
  if mariadb_up; then echo "MariaDB already answers on 127.0.0.1:$MARIADB_PORT"; return; fi
  # A server the distribution started already holds the port: give it the test user instead of starting ours.
  if mariadb-admin --no-defaults --socket=/run/mysqld/mysqld.sock -uroot ping >/dev/null 2>&1; then
    create_parc_user --socket=/run/mysqld/mysqld.sock
    mariadb_up && { echo "Using the running system MariaDB on 127.0.0.1:$MARIADB_PORT"; return; }
  fi
  mkdir -p "$DB_DIR/data" "$DB_DIR/run"
  chown -R mysql:mysql "$DB_DIR"
  if [ ! -d "$DB_DIR/data/mysql" ]; then
    mariadb-install-db --no-defaults --user=mysql --datadir="$DB_DIR/data" --skip-test-db \
      --auth-root-authentication-method=socket >"$DB_DIR/run/install.log" 2>&1
  fi
  (mariadbd-safe --no-defaults --user=mysql --datadir="$DB_DIR/data" --socket="$SOCKET" \
    --pid-file="$DB_DIR/run/mariadbd.pid" --log-error="$DB_DIR/run/mariadb.err" \
    --bind-address=127.0.0.1 --port="$MARIADB_PORT" --innodb-buffer-pool-size=512M \
    --innodb-flush-log-at-trx-commit=2 --max-connections=500 >/dev/null 2>&1 &)
  for _ in $(seq 1 120); do
    mariadb-admin --no-defaults --socket="$SOCKET" -uroot ping >/dev/null 2>&1 && break
    sleep 0.25
  done
  create_parc_user --socket="$SOCKET"
  mariadb_up || { echo "MariaDB did not start; see $DB_DIR/run/mariadb.err" >&2; exit 1; }
  echo "MariaDB started on 127.0.0.1:$MARIADB_PORT"
}

start_redis() {
  if redis_up; then echo "Redis already answers on 127.0.0.1:$REDIS_PORT"; return; fi
  mkdir -p "$REDIS_DIR"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --pidfile "$REDIS_DIR/redis.pid" \
    --dir "$REDIS_DIR" --logfile "$REDIS_DIR/redis.log" --save '' --appendonly no
  for _ in $(seq 1 40); do redis_up && break; sleep 0.25; done
  redis_up || { echo "Redis did not start; see $REDIS_DIR/redis.log" >&2; exit 1; }
  echo "Redis started on 127.0.0.1:$REDIS_PORT"
}

stop_all() {
  [ -f "$DB_DIR/run/mariadbd.pid" ] && kill -TERM "$(cat "$DB_DIR/run/mariadbd.pid")" 2>/dev/null || true
  [ -f "$REDIS_DIR/redis.pid" ] && kill -TERM "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true
  echo "Stopped the services started from $DIR"
}

case "${1:-start}" in
  start) start_mariadb; start_redis ;;
  stop) stop_all ;;
  status) mariadb_up && echo "MariaDB up" || echo "MariaDB down"; redis_up && echo "Redis up" || echo "Redis down" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
