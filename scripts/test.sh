#!/usr/bin/env bash
# npm test: every test there is — types, unit, integration on SQLite and on
# PostgreSQL (when a server answers), a production build, and end-to-end tests
# of that build in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() {
  local name="$1"
  shift
  echo
  echo "━━ $name ━━"
  local started=$SECONDS
  "$@"
  echo "━━ $name: passed in $((SECONDS - started)) s"
}

PG_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"

bash scripts/ensure-chromium.sh
step "Types" npx tsc --noEmit
step "Unit and integration tests (SQLite)" npx vitest run
if npx tsx scripts/pg-check.ts "$PG_URL"; then
  step "Integration tests (PostgreSQL)" env TEST_DB=postgresql TEST_DATABASE_URL="$PG_URL" npx vitest run tests/integration
  PG_RESULT="ran against ${PG_URL%%@*}@${PG_URL#*@}"
elif [[ "${REQUIRE_POSTGRES:-0}" == "1" ]]; then
  echo "No PostgreSQL server answers at TEST_DATABASE_URL, and REQUIRE_POSTGRES=1." >&2
  exit 1
else
  PG_RESULT="SKIPPED: no PostgreSQL server answers at $PG_URL. Set TEST_DATABASE_URL to a server you can create databases on (or run .ci/run, which starts one) to include it."
  echo
  echo "━━ Integration tests (PostgreSQL): $PG_RESULT"
fi
# The audit needs the registry's audit service: CI has it (REQUIRE_AUDIT=1 there);
# offline or behind a registry without it, the step says it was skipped.
set +e
npx tsx scripts/audit.ts
AUDIT_STATUS=$?
set -e
if [[ $AUDIT_STATUS == 0 ]]; then
  AUDIT_RESULT="clean (or every advisory listed in audit-exceptions.json)"
elif [[ $AUDIT_STATUS == 2 && "${REQUIRE_AUDIT:-0}" != "1" ]]; then
  AUDIT_RESULT="SKIPPED: npm audit could not reach an audit service. Set REQUIRE_AUDIT=1 to make that a failure."
else
  exit 1
fi
echo "━━ Production dependency audit: $AUDIT_RESULT"
step "Production build" npx next build
step "End-to-end tests (Chromium)" npx playwright test
echo
echo "All tests passed. PostgreSQL integration tests: $PG_RESULT"
echo "Production dependency audit: $AUDIT_RESULT"
