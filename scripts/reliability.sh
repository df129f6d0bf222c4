#!/usr/bin/env bash
# Reliability checks for CI (.ci/run): each libFuzzer target of Fuzz/ for a short time
# (RELIABILITY_FUZZ_SECONDS, default 25 s each) from its seed corpus. Fails when any target
# finds a crash, a sanitizer report, a timeout or runs out of its memory limit; the crashing
# input is then in .build/fuzz/TARGET/crash-* (see docs/RELIABILITY.md to reproduce it).
# The bad-input corpus, pipe and determinism tests run with the XCTest suite (scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${RELIABILITY_FUZZ_SECONDS:-25}
passed=0 failed=0
mkdir -p .build/fuzz
for target in csv json curve loader result partial; do
    log=.build/fuzz/$target.log
    if bash scripts/fuzz.sh "$target" "$seconds" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        echo "fuzz $target: ${runs:-?} runs in ${seconds} s, no crash"
        passed=$((passed + 1))
    else
        echo "fuzz $target: FAILED (log $log):"
        grep -E "ERROR|SUMMARY|Fatal error|Test unit written|error:" "$log" | head -20 || tail -30 "$log"
        failed=$((failed + 1))
    fi
done
echo "reliability: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
