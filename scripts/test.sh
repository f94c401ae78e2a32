#!/usr/bin/env bash
# npm test: every test there is — types, unit, integration (real SQLite files),
# a production build, and end-to-end tests of that build in real Chromium.
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

bash scripts/ensure-chromium.sh
step "Types" npx tsc --noEmit
step "Unit and integration tests" npx vitest run
step "Production build" npx next build
step "End-to-end tests (Chromium)" npx playwright test
echo
echo "All tests passed."
