#!/usr/bin/env bash
# Makes sure a Chromium for the end-to-end tests exists. Playwright cannot
# download its own browser on machines without general internet access, so
# the tests use the system's Chromium (Debian package `chromium`), or the
# binary named by CHROMIUM_PATH.
set -euo pipefail

if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  if [[ -x "$CHROMIUM_PATH" ]]; then exit 0; fi
  echo "CHROMIUM_PATH is set to '$CHROMIUM_PATH', which is not an executable file." >&2
  exit 1
fi
if [[ -x /usr/bin/chromium ]]; then exit 0; fi

if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package for the end-to-end tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi

cat >&2 <<'MSG'
The end-to-end tests need Chromium, and it is not installed.
Install it with:
    sudo apt-get update && sudo apt-get install -y chromium
or point CHROMIUM_PATH at a Chromium or Chrome binary, then run `npm test` again.
MSG
exit 1
