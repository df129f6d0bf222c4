#!/usr/bin/env bash
# The golden-report check: regenerates the reports of every shipped scenario (release build) into
# a temporary folder and compares them byte for byte with Reports/. Any difference fails, so every
# change in results shows up in review: if it is intended, run scripts/regenerate-reports.sh and
# commit the new Reports/. Then checks every HTML page the tool writes in a real browser
# (scripts/check-html.sh; screenshots kept in .build/html-check/screenshots as CI artifacts).
set -euo pipefail
cd "$(dirname "$0")/.."
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
bash scripts/regenerate-reports.sh "$TMP/Reports"
status=0
for d in "$TMP"/Reports/*/; do
  s="$(basename "$d")"
  if ! diff -r "Reports/$s" "$TMP/Reports/$s" >"$TMP/diff-$s.txt"; then
    echo "golden reports differ for $s (run scripts/regenerate-reports.sh and review):" >&2
    head -40 "$TMP/diff-$s.txt" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "golden reports: identical" >&2
BCPSIM="$(swift build -c release --show-bin-path)/bcpsim" bash scripts/check-html.sh .build/html-check || status=1
exit "$status"
