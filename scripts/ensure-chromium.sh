#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (never a downloaded browser): its headless shell
# (package chromium-headless-shell, the same Blink without the browser's UI — about 40% less CPU
# for the same tests) for the pages, and the full chromium for the one check only it runs: Chrome's
# installability check of the web app (tests/e2e/pwa.test.ts). Install what is missing when we may
# (root with apt-get, as on these machines and in CI); otherwise say how.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
missing=()
command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "Installing Debian's ${missing[*]} for the end-to-end tests…"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
if command -v chromium >/dev/null 2>&1 || command -v chromium-headless-shell >/dev/null 2>&1; then
  echo "Without the full chromium, the web app's installability check is skipped." >&2
  exit 0
fi
echo "The end-to-end tests need Chromium: install chromium-headless-shell and chromium, or set CHROMIUM_PATH to its executable." >&2
exit 1
