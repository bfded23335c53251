#!/usr/bin/env bash
# Builds maprace and runs it on the example programs in examples/: C++
# versions of Go's classic map race reports. Prints the warnings.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
for f in examples/*.cpp; do
  echo "==> $f"
  # clang-tidy exits 0 on warnings; the warnings are the output.
  clang-tidy-22 --quiet --load=build/lib/libmaprace.so --checks='-*,maprace-*' \
    "$f" -- -std=c++20 || true
  echo
done
