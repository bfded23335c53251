#!/usr/bin/env bash
# Configures -- never builds -- the projects of docs/evaluation.md to get
# their compile_commands.json, as this round's evaluation did.
#
#   bench/configure-projects.sh DIR
#
# DIR holds checkouts at the commits of the evaluation table: any of
# rocksdb/ (facebook/rocksdb), libhv/ (ithewei/libhv), cpp-httplib/
# (yhirose/cpp-httplib). Writes DIR/rocksdb-eval-build, DIR/libhv-build and
# DIR/httplib-all-build; then, for instance,
#   bench/evaluate.py DIR/rocksdb DIR/rocksdb-eval-build -j2 --out eval/rocksdb
set -euo pipefail
DIR=$(cd "${1:?usage: bench/configure-projects.sh DIR}" && pwd)
CC=clang-22
CXX=clang++-22

if [ -d "$DIR/rocksdb" ]; then
  # 365 translation units outside third-party/: the library, no tests,
  # tools or benchmarks. Its default build type in a git checkout, Debug:
  # NDEBUG unset, so its TEST_ hooks and assertions are analysed too (a
  # Release configuration gives fewer warnings: 64 against 80 in the
  # plain pass of the round that found it).
  cmake -S "$DIR/rocksdb" -B "$DIR/rocksdb-eval-build" -G Ninja \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_COMPILER=$CC -DCMAKE_CXX_COMPILER=$CXX \
    -DWITH_TESTS=OFF -DWITH_TOOLS=OFF -DWITH_BENCHMARK_TOOLS=OFF \
    -DWITH_CORE_TOOLS=OFF -DWITH_GFLAGS=OFF -DFAIL_ON_WARNINGS=OFF >/dev/null
  echo "rocksdb: $DIR/rocksdb-eval-build"
fi

if [ -d "$DIR/libhv" ]; then
  # 134 translation units: the library, examples and unit tests. Its
  # configure step copies the headers into include/hv (never removing
  # old ones: configure a clean checkout).
  cmake -S "$DIR/libhv" -B "$DIR/libhv-build" -G Ninja \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_COMPILER=$CC -DCMAKE_CXX_COMPILER=$CXX \
    -DBUILD_EXAMPLES=ON -DBUILD_UNITTEST=ON >/dev/null
  echo "libhv: $DIR/libhv-build"
fi

if [ -d "$DIR/cpp-httplib" ]; then
  # No build system for its 30 C++ files: every .cc/.cpp outside
  # test/gtest, benchmark/crow, docs-util and the Windows-only test, with
  # test/Makefile's flags (OpenSSL, zlib, brotli; test.cc needs
  # libcurl4-openssl-dev), compiled from the repository root.
  mkdir -p "$DIR/httplib-all-build"
  python3 - "$DIR/cpp-httplib" "$DIR/httplib-all-build" <<'PY'
import json, os, subprocess, sys
root, out = sys.argv[1], sys.argv[2]
skip = ("test/gtest/", "benchmark/crow/", "docs-util/",
        "test/include_windows_h.cc")
files = subprocess.check_output(["git", "-C", root, "ls-files", "*.cc",
                                 "*.cpp"], text=True).split()
files = sorted(f for f in files if not f.startswith(skip))
flags = ["-std=c++11", "-I.", "-Itest/gtest", "-Itest/gtest/include",
         "-DCPPHTTPLIB_OPENSSL_SUPPORT", "-DCPPHTTPLIB_ZLIB_SUPPORT",
         "-DCPPHTTPLIB_BROTLI_SUPPORT"]
db = [{"directory": root, "file": f,
       "arguments": ["clang++-22"] + flags + ["-c", f]} for f in files]
with open(os.path.join(out, "compile_commands.json"), "w") as fh:
    json.dump(db, fh, indent=1)
PY
  echo "cpp-httplib: $DIR/httplib-all-build"
fi
