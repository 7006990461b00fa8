#!/usr/bin/env bash
# Regenerates the sqlx offline query metadata (src-tauri/crates/banka-cases/.sqlx), so builds
# need no database: the macros check each query against a scratch database made from the
# migrations. With --check, fails when the committed metadata is stale instead.
set -euo pipefail
cd "$(dirname "$0")/.."
crate=src-tauri/crates/banka-cases
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cat "$crate"/migrations/*.sql | sqlite3 "$scratch/schema.db"
mkdir -p "$scratch/sqlx"
touch "$crate/src/lib.rs"   # make the macros run again
SQLX_OFFLINE=false SQLX_OFFLINE_DIR="$scratch/sqlx" DATABASE_URL="sqlite:$scratch/schema.db" \
  cargo check -q -p banka-cases --all-targets
if [ "${1:-}" = "--check" ]; then
  diff -r "$scratch/sqlx" "$crate/.sqlx" >/dev/null || {
    echo "sqlx offline metadata is stale: run scripts/sqlx-prepare.sh and commit $crate/.sqlx" >&2
    exit 1
  }
  echo "sqlx offline metadata is current"
else
  rm -rf "$crate/.sqlx" && cp -r "$scratch/sqlx" "$crate/.sqlx"
  echo "wrote $crate/.sqlx ($(ls "$crate/.sqlx" | wc -l) queries)"
fi
