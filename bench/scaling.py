#!/usr/bin/env python3
"""How the maprace analysis time grows with the size of the code.

Generates translation units 1x, 2x, 4x ... 64x as large and times the
maprace checks on each with clang-tidy's own per-check profile
(--enable-check-profile: the time spent in the checks, without parsing),
next to the whole clang-tidy run with a trivial check. Two families:

  spread  8k copies of a unit: a class with two mutexes, three containers,
          locked and unlocked accesses, a reader lock, a ...Locked helper,
          an iteration, plus a global map written from a thread. Functions,
          containers, accesses and locks all grow k-fold.
  hot     one class, one mutex, one map, and 32k member functions that all
          access it: the accesses to a single container grow k-fold (the
          race detector compares accesses to the same container pairwise).

For each size it prints the median (of --runs) analysis CPU time, the time
per unit relative to 1x, and the clang-tidy parse time for scale; then a
least-squares fit t = a + b*k and the marginal cost per unit at the top
(32x..64x) against the bottom (1x..8x): 1.0 means linear growth.

  bench/scaling.py [--runs 3] [--max 64] [--family spread|hot|both]

With --instructions, each size runs once per configuration under
valgrind's cachegrind, and the analysis cost is the instructions the
maprace run executes beyond the trivial check's (in billions, G): nearly
the same on every run, where the check profile's sub-second times on a shared
machine move by a factor of two from run to run. It counts instructions,
not what they cost in cache misses or the kernel.
"""
import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile

import cachegrind

HEADER = """#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <unordered_map>
#include <vector>
"""

SPREAD_UNIT = """
class Store{i} {{
public:
  void Put(int k, int v) {{
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
    log_.push_back(v);
  }}
  int Get(int k) const {{
    std::lock_guard<std::mutex> l(mu_);
    auto it = m_.find(k);
    return it == m_.end() ? 0 : it->second;
  }}
  bool Peek(int k) const {{ return m_.count(k) != 0; }}
  int Sum() {{
    std::unique_lock<std::mutex> l(mu_);
    int s = 0;
    for (const auto &kv : m_)
      s += kv.second;
    l.unlock();
    return s;
  }}
  void Erase(int k) {{
    std::lock_guard<std::mutex> l(mu_);
    EraseLocked(k);
  }}
  int Lookup(int k) {{
    std::shared_lock<std::shared_mutex> l(rw_);
    auto it = index_.find(k);
    return it == index_.end() ? -1 : it->second;
  }}
  void Index(int k, int v) {{
    std::unique_lock<std::shared_mutex> l(rw_);
    index_[k] = v;
  }}
private:
  void EraseLocked(int k) {{ m_.erase(k); }}
  mutable std::mutex mu_;
  std::shared_mutex rw_;
  std::map<int, int> m_;
  std::vector<int> log_;
  std::unordered_map<int, int> index_;
}};

std::map<int, int> g{i};
void worker{i}() {{ g{i}[1] = 2; }}
int spawn{i}() {{
  std::thread t(worker{i});
  int n = static_cast<int>(g{i}.count(1));
  t.join();
  return n;
}}
"""

HOT_METHODS = """
  void Put{i}(int k) {{
    std::lock_guard<std::mutex> l(mu_);
    m_[k + {i}] = k;
  }}
  int Get{i}(int k) const {{
    std::lock_guard<std::mutex> l(mu_);
    auto it = m_.find(k + {i});
    return it == m_.end() ? 0 : it->second;
  }}
  bool Has{i}(int k) const {{ return m_.count(k + {i}) != 0; }}
  void Drop{i}(int k) {{
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k + {i});
  }}
  int Sum{i}() const {{
    std::lock_guard<std::mutex> l(mu_);
    int s = 0;
    for (const auto &kv : m_)
      s += kv.second;
    return s;
  }}
  size_t Size{i}() const {{
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }}
  void Clear{i}() {{
    std::lock_guard<std::mutex> l(mu_);
    m_.clear();
  }}
  bool Empty{i}() const {{ return m_.empty(); }}
"""


# 1x: 8 spread units (about 420 lines), or 4 sets of hot methods (32
# functions): large enough that the timer's resolution does not dominate.
SPREAD_PER_K = 8
HOT_PER_K = 4


def generate(family, k):
    if family == "spread":
        return HEADER + "".join(SPREAD_UNIT.format(i=i)
                                for i in range(k * SPREAD_PER_K))
    return (HEADER + "class Hot {\npublic:" +
            "".join(HOT_METHODS.format(i=i) for i in range(k * HOT_PER_K)) +
            "private:\n  mutable std::mutex mu_;\n  std::map<int, int> m_;\n};\n")


def profile_seconds(stderr):
    """The maprace rows of clang-tidy's check profile, in CPU seconds. The
    columns vary (no System column when it is all zero): read the header."""
    columns, total = None, 0.0
    for line in stderr.splitlines():
        if "---User Time---" in line:
            columns = re.findall(r"-{2,}([A-Za-z+ ]+?)-{2,}", line)
        elif columns and line.rstrip().split()[-1:] and \
                line.rstrip().split()[-1].startswith("maprace-"):
            values = [float(v) for v in re.findall(r"(\d+\.\d+) \(", line)]
            want = "User+System" if "User+System" in columns else "User Time"
            total += values[columns.index(want)]
    return total if columns else None


def analysis_seconds(tidy, plugin, path):
    """CPU seconds the maprace checks spent, from clang-tidy's profile."""
    r = subprocess.run([tidy, "--quiet", "--load=" + plugin,
                        "--checks=-*,maprace-*", "--enable-check-profile",
                        path, "--", "-std=c++20"],
                       capture_output=True, text=True)
    seconds = profile_seconds(r.stderr)
    if seconds is None:
        sys.exit("scaling: no check profile in clang-tidy's output:\n" +
                 r.stderr[-2000:])
    return seconds, r.stdout.count("warning:")


def parse_seconds(tidy, path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([tidy, "--quiet",
                    "--checks=-*,readability-braces-around-statements",
                    path, "--", "-std=c++20"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(cmd):
    count, stdout = cachegrind.instructions(cmd)
    return count, stdout.count("warning:")


def analysis_instructions(tidy, plugin, path):
    """Billions of instructions the maprace checks add to a trivial check,
    and the trivial check's own (for scale)."""
    base = [tidy, "--quiet", "--load=" + plugin]
    tail = [path, "--", "-std=c++20"]
    m, warnings = instructions(base + ["--checks=-*,maprace-*"] + tail)
    b, _ = instructions(base + ["--checks=-*,readability-braces-around-statements"]
                        + tail)
    return (m - b) / 1e9, warnings, b / 1e9


def fit(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / \
        sum((x - mx) ** 2 for x in xs)
    a = my - b * mx
    ss_res = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys))
    ss_tot = sum((y - my) ** 2 for y in ys)
    return a, b, 1 - ss_res / ss_tot if ss_tot else 1.0


def run_family(family, sizes, runs, tidy, plugin, tmp, count=False):
    print("\n%s: %s" % (family, {
        "spread": "8k units (functions, containers, accesses, locks x k)",
        "hot": "one map accessed from 32k member functions"}[family]))
    unit = "G" if count else "s"
    print("%5s %7s %9s %12s %11s %10s" % ("k", "lines", "warnings",
                                           "analysis " + unit, "per unit",
                                           "parse " + unit))
    times = {}
    for k in sizes:
        path = os.path.join(tmp, "%s_%d.cpp" % (family, k))
        with open(path, "w") as f:
            f.write(generate(family, k))
        with open(path) as f:
            lines = sum(1 for _ in f)
        samples, parses, warnings = [], [], 0
        if count:  # deterministic: once
            t, warnings, parse = analysis_instructions(tidy, plugin, path)
            samples.append(t)
            parses.append(parse)
        for _ in range(0 if count else runs):  # interleaved: analysis, parse, ...
            t, warnings = analysis_seconds(tidy, plugin, path)
            samples.append(t)
            parses.append(parse_seconds(tidy, path))
        times[k] = statistics.median(samples)
        print("%5d %7d %9d %12.4f %11.2f %10.2f" % (
            k, lines, warnings, times[k], times[k] / k / max(times[sizes[0]], 1e-9),
            statistics.median(parses)))
    a, b, r2 = fit(sizes, [times[k] for k in sizes])
    print("fit: t = %.4f + %.5f*k %s, R^2 = %.4f" % (a, b, unit, r2))
    lo = [k for k in sizes if k <= 8]
    hi = [k for k in sizes if k >= sizes[-1] // 2]
    if len(lo) >= 2 and len(hi) >= 2:
        low = (times[lo[-1]] - times[lo[0]]) / (lo[-1] - lo[0])
        high = (times[hi[-1]] - times[hi[0]]) / (hi[-1] - hi[0])
        print("marginal cost per unit, %dx..%dx against %dx..%dx: %.2f "
              "(1.0 = linear)" % (hi[0], hi[-1], lo[0], lo[-1], high / low))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--max", type=int, default=64)
    p.add_argument("--family", choices=("spread", "hot", "both"),
                   default="both")
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--plugin", default=os.path.join(
        here, "..", "build", "lib", "libmaprace.so"))
    p.add_argument("--clang-tidy", default="clang-tidy-22")
    p.add_argument("--instructions", action="store_true",
                   help="count instructions under valgrind, once per size")
    args = p.parse_args()
    sizes = []
    k = 1
    while k <= args.max:
        sizes.append(k)
        k *= 2
    families = ("spread", "hot") if args.family == "both" else (args.family,)
    with tempfile.TemporaryDirectory() as tmp:
        for family in families:
            run_family(family, sizes, args.runs, args.clang_tidy,
                       os.path.abspath(args.plugin), tmp, args.instructions)


if __name__ == "__main__":
    main()
