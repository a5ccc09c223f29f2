#!/usr/bin/env bash
# The integration and end-to-end tests also run on a throwaway PostgreSQL cluster
# (scripts/postgresql-cluster.js), made from Debian's server binaries. Install them when they are
# missing and we may (root with apt-get, as on these machines and in CI); otherwise say how.
# Nothing is needed when a server is supplied (TEST_POSTGRESQL_URL) or only SQLite is tested
# (TEST_ENGINES=sqlite). The Debian package starts no service here: the tests start their own.
set -euo pipefail
if [ -n "${TEST_POSTGRESQL_URL:-}" ] || [ "${TEST_ENGINES:-}" = "sqlite" ]; then exit 0; fi
if [ -n "${POSTGRESQL_BIN_DIR:-}" ] && [ -x "${POSTGRESQL_BIN_DIR}/initdb" ]; then exit 0; fi
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then exit 0; fi
if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "Installing Debian's postgresql for the PostgreSQL runs of the tests…"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq postgresql >/dev/null
  exit 0
fi
echo "The tests need PostgreSQL's server binaries (initdb, pg_ctl): install PostgreSQL 15+ and set" >&2
echo "POSTGRESQL_BIN_DIR to its bin folder, give a server in TEST_POSTGRESQL_URL, or run SQLite" >&2
echo "only with TEST_ENGINES=sqlite." >&2
exit 1
