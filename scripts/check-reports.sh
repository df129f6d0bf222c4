#!/usr/bin/env bash
# The golden-report check: regenerates the reports of every shipped scenario (release build) into
# a temporary folder and compares them byte for byte with Reports/. Any difference fails, so every
# change in results shows up in review: if it is intended, run scripts/regenerate-reports.sh and
# commit the new Reports/. Then checks summary.html in a real browser (scripts/check-html.sh).
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
bash scripts/check-html.sh "Reports/tokyo-synthetic/summary.html" || status=1
exit "$status"
