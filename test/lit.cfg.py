# lit configuration for maprace: every test runs the real clang-tidy-22 with
# the plugin over a C++ file compiled against the real libstdc++ headers.
import os
import shutil
import sys

import lit.formats

config.name = "maprace"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.maprace_build_dir, "test")
config.excludes = ["CMakeLists.txt", "unit", "Inputs", "lit.cfg.py",
                   "lit.site.cfg.py.in", "run-tests.py"]

plugin = os.path.join(config.maprace_build_dir, "lib", "libmaprace.so")
tidy = shutil.which("clang-tidy-22") or "/usr/lib/llvm-22/bin/clang-tidy"
filecheck = shutil.which("FileCheck-22") or "/usr/lib/llvm-22/bin/FileCheck"
not_tool = "/usr/lib/llvm-22/bin/not"

# The standard library the tests compile against: libstdc++ (Debian's
# default), or `--param stdlib=libc++` for LLVM's (libc++-22-dev).
stdlib = lit_config.params.get("stdlib", "libstdc++")
stdlib_arg = " --extra-arg=-stdlib=libc++" if stdlib == "libc++" else ""
if stdlib == "libc++":
    config.available_features.add("libcxx")

# %maprace FILE -- FLAGS: all maprace checks, diagnostics on stdout.
config.substitutions.append(
    ("%maprace", f"{tidy} --quiet --load={plugin} --checks=-*,maprace-*"
                 f"{stdlib_arg}"))
config.substitutions.append(("%clang-tidy", tidy))
config.substitutions.append(("%plugin", plugin))
# Every test file must match all warnings it gets: an unexpected warning
# (or a compile error) fails the test.
config.substitutions.append(
    ("%check", f"{filecheck} --allow-empty --implicit-check-not=warning: "
               f"--implicit-check-not=error:"))
# Drops the source and caret lines clang-tidy prints under each diagnostic,
# so that notes can be asserted with CHECK-NEXT.
config.substitutions.append(("%strip", "sed -e '/^ *[0-9]* |/d' -e '/^ *|/d'"))
config.substitutions.append(("%FileCheck", filecheck))
config.substitutions.append(("%not", not_tool))
config.substitutions.append(("%count", "/usr/lib/llvm-22/bin/count"))
# The driver and the integrations.
config.substitutions.append(("%driver",
                             os.path.join(config.maprace_build_dir, "bin", "maprace")))
config.substitutions.append(("%editor-wrapper",
                             os.path.join(config.maprace_build_dir, "bin",
                                          "maprace-clang-tidy")))
config.substitutions.append(("%srcroot",
                             os.path.dirname(config.test_source_root)))
config.substitutions.append(("%python", sys.executable))
sarif = os.path.join(config.maprace_build_dir, "tools", "node_modules", ".bin",
                     "sarif-multitool")
config.substitutions.append(("%sarif-multitool", sarif))
# Tools the integration tests drive (installed by scripts/setup.sh).
config.environment["PATH"] = os.pathsep.join(
    [os.path.join(config.maprace_build_dir, "bin"),
     os.environ.get("PATH", "")])
clangxx = shutil.which("clang++-22") or "/usr/lib/llvm-22/bin/clang++"
config.substitutions.append(("%clangxx", clangxx))
config.substitutions.append(("%inputs",
                             os.path.join(config.test_source_root, "Inputs")))
config.environment["HOME"] = os.environ.get("HOME", "/tmp")
