#!/usr/bin/env bash
# The test command of README.md: builds everything and runs the whole test suite.
# Extra checks that need tools beyond Swift install them from here (none yet).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build --disable-swift-testing
