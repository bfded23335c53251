#!/usr/bin/env bash
# Builds maprace and runs the whole test suite (lit + FileCheck tests against
# the real standard library headers, and the GoogleTest unit tests).
# The last line is "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test-tools
exec python3 test/run-tests.py build
