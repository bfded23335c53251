#!/usr/bin/env python3
"""Run maprace over a real project and summarise what it found.

Given a source tree and its build directory (holding compile_commands.json),
runs the maprace driver over every translation unit of the tree and prints:
translation units, lines of C/C++ in the tree, findings per check, warnings
per thousand lines, wall and CPU time, and the translation units that
crashed, timed out or did not compile, plus the functions the budget
skipped. The findings themselves go to OUT/findings.jsonl and a triage list
to OUT/triage.md (one line per warning, to be marked true / false /
debatable by reading the code). With --triage, the verdicts of an earlier
triage (docs/triage/<project>.md) are carried over by fingerprint and their
counts printed, with the findings still to be triaged (bench/triage.py).

  bench/evaluate.py SOURCE_DIR BUILD_DIR [--out DIR] [-j N]
      [--exclude REGEX] [--maprace build/bin/maprace] [--triage FILE]
      [--cross-file]

--exclude drops translation units (and lines counted) whose path relative
to SOURCE_DIR matches, e.g. 'third-party/|/test/'.
"""
import argparse
import collections
import json
import os
import re
import resource
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import triage  # noqa: E402  (bench/triage.py)

SOURCE_EXT = (".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx",
              ".inl", ".ipp")
CHECKS = ("maprace-unguarded-access", "maprace-iteration-mutation",
          "maprace-lock-mismatch")


def relpath(path, root):
    return os.path.relpath(os.path.realpath(path), os.path.realpath(root))


def translation_units(build_dir, source_dir, exclude):
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        db = json.load(f)
    files = []
    for entry in db:
        path = os.path.join(entry.get("directory", ""), entry["file"])
        rel = relpath(path, source_dir)
        if rel.startswith(".."):
            continue
        if exclude and exclude.search(rel):
            continue
        if path not in files:
            files.append(path)
    return files


def count_lines(source_dir, build_dir, exclude):
    """Lines of C/C++ under the tree, the build directory left out."""
    total = 0
    skip = os.path.realpath(build_dir)
    for dirpath, dirnames, filenames in os.walk(source_dir):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")
                       and os.path.realpath(os.path.join(dirpath, d)) != skip]
        for name in filenames:
            if not name.endswith(SOURCE_EXT):
                continue
            path = os.path.join(dirpath, name)
            if exclude and exclude.search(relpath(path, source_dir)):
                continue
            with open(path, "rb") as f:
                total += f.read().count(b"\n")
    return total


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("source_dir")
    p.add_argument("build_dir")
    p.add_argument("--out", default=None,
                   help="where findings.jsonl and triage.md go "
                        "(default: BUILD_DIR/maprace-eval)")
    p.add_argument("-j", "--jobs", default=str(os.cpu_count() or 1))
    p.add_argument("--exclude", default=None)
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--maprace",
                   default=os.path.join(here, "..", "build", "bin", "maprace"))
    p.add_argument("--timeout", default="600",
                   help="seconds per translation unit")
    p.add_argument("--cross-file", action="store_true",
                   help="two runs: one that records every file's calls "
                        "(findings-first-pass.jsonl), then one with them "
                        "(maprace --write-caller-locks, --caller-locks)")
    p.add_argument("--triage", default=None,
                   help="an earlier triage whose verdicts to carry over")
    args = p.parse_args()
    rows = {}
    if args.triage:
        try:
            rows = triage.read_triage(args.triage)[0]
        except (OSError, ValueError) as e:
            sys.exit("evaluate: error: %s" % e)

    exclude = re.compile(args.exclude) if args.exclude else None
    out_dir = args.out or os.path.join(args.build_dir, "maprace-eval")
    os.makedirs(out_dir, exist_ok=True)
    try:
        files = translation_units(args.build_dir, args.source_dir, exclude)
    except (OSError, ValueError) as e:
        sys.exit("evaluate: error: cannot read the compile database: %s" % e)
    if not files:
        sys.exit("evaluate: error: no translation unit of %s in %s" %
                 (args.source_dir, args.build_dir))
    lines = count_lines(args.source_dir, args.build_dir, exclude)

    findings_path = os.path.join(out_dir, "findings.jsonl")
    list_path = os.path.join(out_dir, "files.txt")
    with open(list_path, "w") as f:
        f.write("\n".join(files) + "\n")

    def run(extra, out_path):
        """Runs the driver over the files; (findings, problems, wall, CPU)."""
        cmd = [sys.executable, args.maprace, "-p", args.build_dir, "-j",
               args.jobs, "--format", "json", "-o", out_path,
               "--root", args.source_dir, "--progress", "never",
               "--timeout", args.timeout] + extra + files
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        r = subprocess.run(cmd, stderr=subprocess.PIPE, text=True,
                           errors="replace")
        wall = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = ((after.ru_utime - before.ru_utime) +
               (after.ru_stime - before.ru_stime))
        if r.returncode not in (0, 1):
            sys.stderr.write(r.stderr)
            sys.exit("evaluate: error: maprace exited with %d" % r.returncode)
        with open(out_path) as f:
            found = [json.loads(l) for l in f if l.strip()]
        problems = collections.defaultdict(list)
        for line in r.stderr.splitlines():
            m = re.match(r"maprace: (warning|remark): (.*)", line)
            if not m:
                continue
            text = m.group(2)
            if m.group(1) == "remark":
                problems["skipped by the budget"].append(text)
            elif "crashed" in text:
                problems["crashed"].append(text)
            elif "timed out" in text:
                problems["timed out"].append(text)
            elif "does not compile" in text:
                problems["did not compile"].append(text)
            else:
                problems["other"].append(text)
        return found, problems, wall, cpu

    first = None
    if args.cross_file:
        # Two passes: the first is a plain run that also records every
        # file's calls (its findings are the one-file-at-a-time result);
        # the second starts entry points with the locks held at them. Only
        # the files evaluated record their calls (maprace --cross-file
        # records the whole database): excluded third-party code is taken
        # not to call the project under its locks.
        calls = os.path.join(out_dir, "calls")
        first_path = os.path.join(out_dir, "findings-first-pass.jsonl")
        first = run(["--write-caller-locks", calls], first_path)
        findings, problems, wall, cpu = run(["--caller-locks", calls],
                                            findings_path)
    else:
        findings, problems, wall, cpu = run([], findings_path)

    per_check = collections.Counter(f["check"] for f in findings)
    print("translation units: %d" % len(files))
    print("lines of C/C++:    %d" % lines)
    for check in CHECKS:
        print("%-28s %d" % (check + ":", per_check.get(check, 0)))
    print("warnings per KLOC: %.3f" % (1000.0 * len(findings) / max(lines, 1)))
    print("wall time:         %.1f s (-j %s)" % (wall, args.jobs))
    print("CPU time:          %.1f s" % cpu)
    if first is not None:
        fp_findings, fp_problems, fp_wall, fp_cpu = first
        keys = {x["fingerprint"] for x in findings}
        fp_keys = {x["fingerprint"] for x in fp_findings}
        print("first pass (one file at a time, calls recorded): %d warnings, "
              "wall %.1f s, CPU %.1f s; %d of them gone across files, %d new"
              % (len(fp_findings), fp_wall, fp_cpu, len(fp_keys - keys),
                 len(keys - fp_keys)))
        for kind in ("crashed", "timed out"):
            problems[kind] += fp_problems[kind]
    for kind in ("crashed", "timed out", "did not compile",
                 "skipped by the budget", "other"):
        print("%-18s %d" % (kind + ":", len(problems[kind])))
        for text in problems[kind]:
            print("    " + text)

    with open(os.path.join(out_dir, "triage.md"), "w") as f:
        f.writelines(triage.table(findings, rows))
    if args.triage:
        print("\n".join(triage.summarize(findings, rows)[0]))
    print("findings: %s" % findings_path)
    print("triage list: %s" % os.path.join(out_dir, "triage.md"))
    return 1 if problems["crashed"] or problems["timed out"] else 0


if __name__ == "__main__":
    sys.exit(main())
