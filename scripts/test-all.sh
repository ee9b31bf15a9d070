#!/usr/bin/env bash
# Installs everything the tests need (Debian's mariadb-server, redis-server, chromium and the FusionInventory and
# OCS Inventory agents; npm packages), starts
# MariaDB and Redis on loopback unless they already run, builds, runs every test tier and prints one line:
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NG_CLI_ANALYTICS=false CI=1
REPORTS="$PWD/reports"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
step() { printf '\n==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v fusioninventory-agent >/dev/null 2>&1 || missing+=(fusioninventory-agent fusioninventory-agent-task-deploy)
command -v ocsinventory-agent >/dev/null 2>&1 || missing+=(ocsinventory-agent)
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing ${missing[*]}"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || exit 1
fi

# npm install, not npm ci: the registry reachable here serves only this platform's optional binaries, so the
# lockfile cannot list the others and `npm ci` would refuse it; npm install still installs the locked versions.
step "npm install (locked versions)"
npm install --no-audit --no-fund || exit 1
step "Starting MariaDB and Redis on loopback"
bash scripts/services.sh start || exit 1
step "Building server and web"
npm run build || exit 1
step "Type-checking the tests and fixtures"
npm run lint:types || exit 1

status=0
step "Unit tests (server)"
npx jest --selectProjects unit --json --outputFile "$REPORTS/unit.json" || status=1
step "Unit tests (web)"
WEB_TEST_JSON="$REPORTS/web-unit.json" npm run test --workspace web || status=1
step "API end-to-end tests (MariaDB + Redis)"
npx jest --selectProjects api --runInBand --json --outputFile "$REPORTS/api.json" || status=1
step "Real agents (FusionInventory, OCS Inventory NG) against the built server"
npx jest --selectProjects agents --runInBand --json --outputFile "$REPORTS/agents.json" || status=1
step "Browser tests (Chromium)"
npx jest --selectProjects browser --runInBand --json --outputFile "$REPORTS/browser.json" || status=1

node scripts/summarize-tests.mjs "$REPORTS" || status=1
exit $status
