#!/usr/bin/env bash
# Installs what maprace needs (when missing), then configures and builds it
# into build/. Safe to run again: it only does what is not done yet.
#   scripts/setup.sh               what building and running maprace needs
#   scripts/setup.sh --test-tools  also what the test suite drives: git,
#                                  pre-commit, PyYAML, clang-tidy-14 (for the
#                                  wrong-LLVM test), libc++ (the checks'
#                                  tests run against it too), the SARIF
#                                  Multitool
set -euo pipefail
cd "$(dirname "$0")/.."

TEST_TOOLS=0
[ "${1:-}" = "--test-tools" ] && TEST_TOOLS=1

PACKAGES=(cmake ninja-build g++ python3 clang-22 clang-tidy-22 llvm-22-dev
          llvm-22-tools libclang-22-dev libclang-cpp22-dev libgtest-dev)
if [ "$TEST_TOOLS" = 1 ]; then
  PACKAGES+=(git python3-yaml pre-commit clang-tidy-14 libc++-22-dev
             libc++abi-22-dev)
  # The SARIF validator comes from the npm registry.
  command -v npm >/dev/null || PACKAGES+=(npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "maprace: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
      echo "maprace: missing packages (${missing[*]}) and not root; install them first" >&2
      exit 2
    fi
  fi
  $SUDO apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
fi
cmake --build build >&2

# The SARIF validator the integration tests run (npm registry).
multitool=build/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ "$TEST_TOOLS" = 1 ] && [ ! -x "$multitool" ] && command -v npm >/dev/null; then
  echo "maprace: installing the SARIF Multitool (npm)" >&2
  npm install --prefix build/tools --no-audit --no-fund --loglevel=error \
    @microsoft/sarif-multitool@5.7.0 >&2 || echo "maprace: npm install failed" >&2
  [ -f "$multitool" ] && chmod u+x "$multitool"
fi
