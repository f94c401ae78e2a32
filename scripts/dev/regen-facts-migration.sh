#!/usr/bin/env bash
# Development only: regenerate the (unreleased) observation_facts migration for both providers.
set -euo pipefail
NAME=20261124201953_observation_facts
for p in sqlite postgresql; do
  rm -rf prisma/$p/migrations/$NAME
  if [ $p = sqlite ]; then U=file:/tmp/regen.db; rm -f /tmp/regen.db*; else U=postgresql://postgres@127.0.0.1:5432/crd_regen; psql -h 127.0.0.1 -U postgres -q -c "drop database if exists crd_regen" 2>/dev/null; fi
  DATABASE_URL=$U npx tsx scripts/db.ts migrate observation_facts 2>&1 | grep -v nodedir | head -1
  d=$(ls -d prisma/$p/migrations/*_observation_facts); mv $d prisma/$p/migrations/$NAME
  { echo; echo "-- Backfill the report facts (lib/reports/facts.ts keeps them current from here on)."; npx tsx scripts/dev/facts-sql.ts $p 2>/dev/null; } >> prisma/$p/migrations/$NAME/migration.sql
done
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists crd_regen" 2>/dev/null
