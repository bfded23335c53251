#!/usr/bin/env bash
# Builds the plugin with -fsanitize=address,undefined (build-sanitize/) and
# runs, under Debian's clang-tidy-22 with the sanitizer runtime preloaded:
#   * the whole test suite, and
#   * optionally real projects: scripts/sanitize.sh SRC_DIR BUILD_DIR [...]
#     (pairs of a source tree and its build directory, through
#     bench/evaluate.py --cross-file: both passes).
# clang-tidy-22 itself is not instrumented, so the runtime must be preloaded
# into it; a wrapper named clang-tidy-22 does that and comes first on PATH.
# Sanitizer reports are written to files and counted: the script fails if
# there is any (or if a test fails). Leak checking is off: clang-tidy
# deliberately leaks its AST at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test-tools
top=$PWD
build=$top/build-sanitize
cmake -S . -B "$build" -G Ninja -DMAPRACE_SANITIZE=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build"
# The SARIF validator setup.sh installed for the normal build.
ln -sfn "$top/build/tools" "$build/tools"

asan=$(c++ -print-file-name=libasan.so)
reports=$build/sanitizer-reports
rm -rf "$reports" && mkdir -p "$reports" "$build/sanitize-bin"
cat > "$build/sanitize-bin/clang-tidy-22" <<WRAP
#!/bin/sh
export LD_PRELOAD=$asan
export ASAN_OPTIONS=detect_leaks=0:log_path=$reports/asan
export UBSAN_OPTIONS=print_stacktrace=1:log_path=$reports/ubsan
exec /usr/bin/clang-tidy-22 "\$@"
WRAP
chmod +x "$build/sanitize-bin/clang-tidy-22"
export PATH=$build/sanitize-bin:$PATH
# The unit tests are an instrumented executable: no preload needed.
export ASAN_OPTIONS=detect_leaks=0:log_path=$reports/asan
export UBSAN_OPTIONS=print_stacktrace=1:log_path=$reports/ubsan

status=0
python3 test/run-tests.py "$build" | tee "$build/sanitize-tests.log" || status=1
while [ $# -ge 2 ]; do
  echo "== $1"
  # Both passes of a cross-file run: a plain run that also records the
  # calls, then one that reads them.
  python3 bench/evaluate.py "$1" "$2" --maprace "$build/bin/maprace" \
    --cross-file --out "$build/sanitize-eval/$(basename "$1")" || status=1
  shift 2
done

n=$(find "$reports" -type f | wc -l)
if [ "$n" -ne 0 ]; then
  echo "sanitizer reports: $n (in $reports)"
  head -n 40 "$reports"/* || true
  status=1
else
  echo "sanitizer reports: 0"
fi
exit $status
