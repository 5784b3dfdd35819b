#!/usr/bin/env bash
# Runs the whole suite on SQLite, then again on PostgreSQL when a server is reachable.
# Under CI (CI=true) PostgreSQL must be reachable, and Chromium present, or the run fails.
set -euo pipefail
shopt -s globstar nullglob
cd "$(dirname "$0")/.."

PG_ADMIN_URL="${MUTUA_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export MUTUA_TEST_PG_URL="$PG_ADMIN_URL"
files=(test/**/*.test.ts)
if [ "$#" -gt 0 ]; then files=("$@"); fi

run() {
  echo "== tests on $1 =="
  # Two files at a time: this machine has two cores; each file has its own database.
  MUTUA_TEST_DB="$1" node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
}

run sqlite

if node --import tsx scripts/pg-reachable.ts "$PG_ADMIN_URL"; then
  run postgres
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable at $PG_ADMIN_URL, and CI requires it" >&2
  exit 1
else
  echo "PostgreSQL is not reachable at $PG_ADMIN_URL: the PostgreSQL pass is skipped (it is required under CI)"
fi
