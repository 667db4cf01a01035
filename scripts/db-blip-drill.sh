#!/usr/bin/env bash
# The database-blip drill (README, Security): a throw-away Postgres cluster on port 5499 is created,
# the drill test runs against it and stops it mid-test (pg_ctlcluster … stop -m fast), and the
# cluster is dropped at the end whatever happens. The main cluster is never touched.
# Run as root (or the postgres user) on a Debian host with postgresql-common: scripts/db-blip-drill.sh
set -euo pipefail
cd "$(dirname "$0")/.."
version="${PG_VERSION:-$(ls /etc/postgresql | sort -n | tail -n 1)}"
port="${BLIP_PORT:-5499}"

if pg_lsclusters -h | awk '{print $2}' | grep -qx blip; then
  echo "a cluster named blip already exists: drop it first (pg_dropcluster $version blip --stop)" >&2
  exit 1
fi
pg_createcluster "$version" blip -p "$port" -- --auth-local=trust --auth-host=trust >/dev/null
trap 'pg_dropcluster "$version" blip --stop' EXIT
pg_ctlcluster "$version" blip start

DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" BLIP_CLUSTER="$version blip" \
  npx vitest run test/drill/db-blip.int.test.ts --project int-postgres
