#!/usr/bin/env python3
"""Cost of the maprace checks relative to a trivial clang-tidy check.

Runs clang-tidy-22 on one translation unit with --checks='-*,maprace-*' and
with --checks='-*,readability-braces-around-statements' (which costs about
as much as parsing), interleaved, N times each, and prints the median CPU
time (user + sys) of each and their ratio. Ratios, not seconds: machines
are noisy, the two configurations are measured side by side.

  bench/tidy_overhead.py [--runs 7] [--plugin build/lib/libmaprace.so] \
      FILE.cpp -- COMPILER FLAGS...
  bench/tidy_overhead.py [--runs 7] -p BUILD_DIR FILE.cpp [FILE.cpp ...]
  bench/tidy_overhead.py --compare OLD/libmaprace.so ...

With --compare, a second plugin (an earlier build, say) is timed in the
same interleaved rounds, and its ratio printed beside the first's.

With -p, each file's flags come from BUILD_DIR/compile_commands.json; the
last line gives the largest ratio against the target (1.05: the checks add
at most 5%).

With --instructions, each configuration runs once under valgrind's
cachegrind (`--cache-sim=no`) and the ratio is of the instructions executed
in user space: within 0.3% from run to run however busy the machine,
where CPU times of one configuration can move by 30% on a shared virtual
machine.
It leaves out what the kernel does (page faults of the memory the checks
add) and what instructions cost (cache misses), so it complements the
time ratio rather than replacing it. About 20 times slower than a run.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys

import cachegrind

BASELINE = "readability-braces-around-statements"
MAPRACE = "maprace-*"


def cpu_seconds(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(cmd):
    return cachegrind.instructions(cmd)[0]


def main():
    argv = sys.argv[1:]
    flags = []
    if "--" in argv:
        i = argv.index("--")
        argv, flags = argv[:i], argv[i + 1:]
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--plugin", default=os.path.join(here, "..", "build", "lib",
                                                     "libmaprace.so"))
    p.add_argument("--compare", default=None, metavar="PLUGIN",
                   help="another libmaprace.so to time in the same rounds")
    p.add_argument("--clang-tidy", default=shutil.which("clang-tidy-22")
                   or "/usr/lib/llvm-22/bin/clang-tidy")
    p.add_argument("-p", dest="build_dir", default=None,
                   help="build directory with compile_commands.json")
    p.add_argument("--instructions", action="store_true",
                   help="compare instructions executed (valgrind), once each")
    p.add_argument("files", nargs="+")
    a = p.parse_args(argv)
    if not os.path.exists(a.plugin):
        sys.exit(f"error: no plugin at {a.plugin}; build maprace first")
    if a.compare and not os.path.exists(a.compare):
        sys.exit(f"error: no plugin at {a.compare}")
    if len(a.files) > 1 and not a.build_dir:
        sys.exit("error: several files need -p BUILD_DIR for their flags")
    ratios = []
    for file in a.files:
        configs = [("baseline", a.plugin, BASELINE),
                   ("maprace", a.plugin, MAPRACE)]
        if a.compare:
            configs.append(("compared", a.compare, MAPRACE))
        times = {name: [] for name, _, _ in configs}
        measure = instructions if a.instructions else cpu_seconds
        for _ in range(1 if a.instructions else a.runs):
            for name, plugin, check in configs:
                cmd = [a.clang_tidy, "--quiet", f"--load={plugin}",
                       f"--checks=-*,{check}"]
                cmd += (["-p", a.build_dir, file] if a.build_dir
                        else [file, "--"] + flags)
                times[name].append(measure(cmd))
        b = statistics.median(times["baseline"])
        m = statistics.median(times["maprace"])
        ratios.append(m / b)
        if a.instructions:
            line = (f"{file}: baseline {b / 1e9:.3f}G, maprace {m / 1e9:.3f}G "
                    f"instructions, ratio {m / b:.4f}")
        else:
            line = (f"{file}: baseline {b:.2f}s, maprace {m:.2f}s (median "
                    f"CPU of {a.runs}), ratio {m / b:.3f}")
        if a.compare:
            c = statistics.median(times["compared"])
            line += (f"; compared plugin {c / 1e9:.3f}G, ratio {c / b:.4f}"
                     if a.instructions else
                     f"; compared plugin {c:.2f}s, ratio {c / b:.3f}")
        print(line, flush=True)
    if len(ratios) > 1:
        worst = max(ratios)
        print(f"largest ratio {worst:.3f} (target 1.050: "
              f"{'met' if worst <= 1.05 else 'missed'})")


if __name__ == "__main__":
    main()
