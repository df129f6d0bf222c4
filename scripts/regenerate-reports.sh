#!/usr/bin/env bash
# Regenerates the golden reports Reports/<scenario>/ of every shipped scenario: builds bcpsim in
# release mode and runs `bcpsim run Scenarios/<scenario> --out ...` (default options: Japanese,
# CSV files with a byte order mark, the scenario's disclosure policy - every shipped scenario is
# synthetic, so shown exactly - 5 what-if municipalities). Reports/tokyo-synthetic-suppressed/ is
# the Tokyo run rendered again with --suppress 10 (`bcpsim report`), the reports as real data gets
# them. Reports/tokyo-synthetic-plan/ and -sensitivity/ are `bcpsim plan` (10 million yen, time
# without power, 3 seeds) and `bcpsim sensitivity` (2 seeds, 6 samples) of the Tokyo scenario.
# Only the public files are kept: restricted/ (patient ids) is written to a temporary folder
# and deleted.
#
#   bash scripts/regenerate-reports.sh            # rewrite Reports/
#   bash scripts/regenerate-reports.sh OUTDIR     # write elsewhere (scripts/check-reports.sh uses this)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-Reports}"
SCENARIOS="tokyo-synthetic chiba2019 rolling2011 island-typhoon inland-quake"
swift build -c release --product bcpsim >&2
BIN="$(swift build -c release --show-bin-path)/bcpsim"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
for s in $SCENARIOS; do
  "$BIN" run "Scenarios/$s" --out "$TMP/$s" >/dev/null
  if [ "$s" = tokyo-synthetic ]; then
    "$BIN" report "$TMP/$s/restricted/result.json" --out "$TMP/$s-suppressed" --suppress 10 >/dev/null
    rm -rf "$TMP/$s-suppressed/restricted"
    rm -rf "${OUT:?}/$s-suppressed"
    mkdir -p "$OUT/$s-suppressed"
    cp "$TMP/$s-suppressed"/* "$OUT/$s-suppressed/"
    echo "wrote $OUT/$s-suppressed" >&2
  fi
  rm -rf "$TMP/$s/restricted"
  rm -rf "${OUT:?}/$s"
  mkdir -p "$OUT/$s"
  cp "$TMP/$s"/* "$OUT/$s/"
  echo "wrote $OUT/$s" >&2
done
# A plan and a sensitivity analysis of the Tokyo scenario (few seeds, so that CI stays quick).
for k in plan sensitivity; do
  rm -rf "${OUT:?}/tokyo-synthetic-$k"
  mkdir -p "$OUT/tokyo-synthetic-$k"
done
"$BIN" plan Scenarios/tokyo-synthetic --budget 10000000 --replicas 3 --objective gap --out "$TMP/plan" >/dev/null
cp "$TMP/plan"/* "$OUT/tokyo-synthetic-plan/"
echo "wrote $OUT/tokyo-synthetic-plan" >&2
"$BIN" sensitivity Scenarios/tokyo-synthetic --replicas 2 --samples 6 --out "$TMP/sensitivity" >/dev/null
cp "$TMP/sensitivity"/* "$OUT/tokyo-synthetic-sensitivity/"
echo "wrote $OUT/tokyo-synthetic-sensitivity" >&2
