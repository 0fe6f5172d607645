#!/usr/bin/env bash
# Runs every test: builds with warnings as errors, provides a PostgreSQL for the integration
# tests (SCHEDULER_TEST_POSTGRES, else a Docker engine for Testcontainers, else the local Debian
# cluster, installed with apt when missing), prints how long each test project took, and ends with
# the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

results=.test-results
rm -rf "$results"
mkdir -p "$results"

log() { printf '==> %s\n' "$*" >&2; }

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sudo -u postgres sh -c "$*"
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

start_local_postgres() {
  if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    log "PostgreSQL is not installed: installing it with apt"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
  fi
  local version cluster port
  read -r version cluster port _ < <(pg_lsclusters -h | head -n 1)
  log "Starting PostgreSQL cluster $version/$cluster on port $port"
  as_root pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
  for _ in $(seq 1 30); do
    as_postgres "pg_isready -q -p $port" && break
    sleep 1
  done
  as_postgres "psql -q -p $port -v ON_ERROR_STOP=1" <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scheduler_test') THEN
    CREATE ROLE scheduler_test LOGIN CREATEDB PASSWORD 'scheduler_test';
  END IF;
END \$\$;
SQL
  export SCHEDULER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=scheduler_test;Password=scheduler_test;Database=postgres"
}

if [ -n "${SCHEDULER_TEST_POSTGRES:-}" ]; then
  log "Using the PostgreSQL in SCHEDULER_TEST_POSTGRES"
elif command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  log "A Docker engine answers: the tests start PostgreSQL with Testcontainers"
else
  start_local_postgres
fi

log "Building (warnings are errors)"
dotnet build ScheduledMessages.sln -c Release -warnaserror -nologo -v quiet

log "Testing"
set +e
dotnet test ScheduledMessages.sln -c Release --no-build --nologo \
  --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal"
test_exit=$?
set -e

scripts/trx-times.sh "$results" || true
read -r passed failed total < <(scripts/count-trx.sh "$results")
echo "$passed passed, $failed failed"
if [ "$test_exit" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$total" -eq 0 ]; then
  exit 1
fi
