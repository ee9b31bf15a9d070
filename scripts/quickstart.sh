#!/usr/bin/env bash
# Installs, builds and starts Parc with the web UI on the embedded default: SQLite under ./data, no Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
export NG_CLI_ANALYTICS=false
# npm install rather than npm ci: see scripts/test-all.sh.
npm install --no-audit --no-fund
npm run build
PORT="${PORT:-3000}"
if [ ! -f "${DATA_DIR:-data}/parc.sqlite" ]; then
  echo "First start: the administrator login and password are printed below, once."
else
  echo "Log in as ${ADMIN_LOGIN:-admin} with the password printed at the first start (to start afresh: rm -rf ${DATA_DIR:-data})."
fi
exec env PORT="$PORT" LOG_LEVEL="${LOG_LEVEL:-warn}" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" node dist/server/src/main.js
