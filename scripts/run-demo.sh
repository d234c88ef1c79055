#!/usr/bin/env bash
# The main job on samples/: installs what is needed, builds, and runs clearhouse on the
# hand-made samples with the embedded SQLite ledger (a fresh one under out/demo/).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh -DCLEARHOUSE_TESTS=OFF -DCLEARHOUSE_BENCH=OFF
CH="./${CLEARHOUSE_BUILD_DIR:-build}/engine/clearhouse"
OUT=out/demo
rm -rf "$OUT" && mkdir -p "$OUT"
export CLEARHOUSE_DB="sqlite:$OUT/clearhouse.db"

# The samples are dated May-June 2024: submit "on" 2024-05-25 and read the worklist and the
# report "on" 2024-06-20 so ages and deadlines read as they would have then.
export CLEARHOUSE_TODAY=2024-06-20

echo "== clearhouse submit samples/encounters.jsonl --out $OUT/batches --now 2024-05-25T12:00"
# Exit 1 means some encounters were rejected (listed in rejections.jsonl); the demo goes on.
"$CH" submit samples/encounters.jsonl --out "$OUT/batches" --now 2024-05-25T12:00 || [ $? -eq 1 ]
ls -l "$OUT/batches"
echo "== clearhouse post samples/remittance.835 --fee-schedule samples/fee_schedule.csv --show-rules"
# Pays, partly pays, denies, reverses and corrects the claims just submitted: every CLP matches.
# The rules pipeline runs inside each posting transaction and fills the worklist.
"$CH" post samples/remittance.835 --fee-schedule samples/fee_schedule.csv --show-rules
echo "== clearhouse post samples/remittance.835 (again: already posted, nothing changes)"
"$CH" post samples/remittance.835
echo "== clearhouse secondary --out $OUT/secondary --as-of 2024-07-15 --format text"
# The next payer's 837P for the claims naming other coverage whose primary paid (once).
"$CH" secondary --out "$OUT/secondary" --as-of 2024-07-15 --format text
echo "== clearhouse patient-payments samples/patient-payments.csv --format text"
# A partial payment, an exact one and an overpayment (a credit: a "refund due" worklist item).
"$CH" patient-payments samples/patient-payments.csv --format text
echo "== clearhouse statements --out $OUT/statements --format pdf --as-of 2024-07-01 --summary text"
# One PDF per account owing (or in credit); claims waiting on a payer show as pending insurance.
"$CH" statements --out "$OUT/statements" --format pdf --as-of 2024-07-01 --summary text
ls -l "$OUT/statements"
echo "== clearhouse worklist"
"$CH" worklist
echo "== clearhouse report"
if command -v python3 >/dev/null; then "$CH" report | python3 -m json.tool; else "$CH" report; fi
echo "== clearhouse parse samples/remittance.835 --format summary"
"$CH" parse samples/remittance.835 --format summary
echo "== clearhouse parse samples/claims.837 --format summary"
"$CH" parse samples/claims.837 --format summary
