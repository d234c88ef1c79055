#!/usr/bin/env bash
# The main job on samples/: installs what is needed, builds, and runs clearhouse on the
# hand-made samples with the embedded SQLite ledger (a fresh one under out/demo/).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh -DCLEARHOUSE_TESTS=OFF -DCLEARHOUSE_BENCH=OFF
CH=./build/engine/clearhouse
OUT=out/demo
rm -rf "$OUT" && mkdir -p "$OUT"
export CLEARHOUSE_DB="sqlite:$OUT/clearhouse.db"

echo "== clearhouse submit samples/encounters.jsonl --out $OUT/batches"
# Exit 1 means some encounters were rejected (listed in rejections.jsonl); the demo goes on.
"$CH" submit samples/encounters.jsonl --out "$OUT/batches" || [ $? -eq 1 ]
ls -l "$OUT/batches"
echo "== clearhouse post samples/remittance.835"
# Pays, partly pays, denies, reverses and corrects the claims just submitted: every CLP matches.
"$CH" post samples/remittance.835
echo "== clearhouse post samples/remittance.835 (again: already posted, nothing changes)"
"$CH" post samples/remittance.835
echo "== clearhouse parse samples/remittance.835 --format summary"
"$CH" parse samples/remittance.835 --format summary
echo "== clearhouse parse samples/claims.837 --format summary"
"$CH" parse samples/claims.837 --format summary
