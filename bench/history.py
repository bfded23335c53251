#!/usr/bin/env python3
"""Check maprace on historical race fixes: warns before, silent after?

Each pair in the data file (bench/history-pairs.json) names a project, the
commit that fixed a data race on a container, the file it changed (and,
for a header, the translation unit to analyse it through, "tu"), the
compiler flags, and the lines where the race was; for projects with
submodules, where to find them ("submodules"), and the headers a configure
step would have generated ("stubs"); "needs" lists the Debian packages
whose headers the file includes, and "paths" limits the tree to the
directories the file needs (a mirror may lack a project's largest files). For each pair the file is analysed in the tree of the fix's parent
and in the tree of the fix (both extracted with `git archive` from a local
clone or bare mirror), and the warnings in that file are printed:

  found    a warning at one of the race's lines before, none there after
  partial  a warning there before, and still one after
  missed   no warning at the race's lines before

  bench/history.py --repo facebook/rocksdb=/path/to/rocksdb.git [--repo ...]
      [--pairs bench/history-pairs.json] [--plugin build/lib/libmaprace.so]
      [--only ID,...]

Pairs whose repository is not given are listed as not run. In the flags,
{root} stands for the extracted tree.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

WARNING = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): "
                     r"warning: (?P<msg>.*) \[(?P<check>maprace-[a-z-]+)\]$")


def extract(git_dir, commit, dest, paths=()):
    os.makedirs(dest, exist_ok=True)
    archive = subprocess.run(["git", "--git-dir", git_dir, "archive", commit,
                              "--"] + list(paths),
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", dest], input=archive, check=True)


def gitlink(git_dir, commit, path):
    """The commit a submodule at path is pinned to in commit's tree."""
    out = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", commit,
                          path], capture_output=True, text=True,
                         check=True).stdout.split()
    if len(out) < 3 or out[1] != "commit":
        raise subprocess.CalledProcessError(1, "ls-tree", "no submodule " + path)
    return out[2]


def prepare(repos, pair, commit, root):
    """The project's tree at commit, its submodules at their pinned commits
    ("submodules": [{"path": ..., "repo": OWNER/NAME}]), and the files a
    configure step would have generated ("stubs": {path: text})."""
    extract(repos[pair["repo"]], commit, root, pair.get("paths", ()))
    for sub in pair.get("submodules", []):
        pinned = gitlink(repos[pair["repo"]], commit, sub["path"])
        extract(repos[sub["repo"]], pinned, os.path.join(root, sub["path"]))
    for path, text in pair.get("stubs", {}).items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)


def analyse(tidy, plugin, root, pair):
    path = os.path.join(root, pair["file"])
    tu = os.path.join(root, pair.get("tu", pair["file"]))
    flags = [f.replace("{root}", root) for f in pair["flags"]]
    r = subprocess.run([tidy, "--quiet", "--load=" + plugin,
                        "--checks=-*,maprace-*", tu, "--"] + flags,
                       capture_output=True, text=True, errors="replace")
    errors = [l for l in r.stdout.splitlines() if ": error: " in l]
    warnings = []
    for line in r.stdout.splitlines():
        m = WARNING.match(line)
        if m and os.path.realpath(m.group("file")) == os.path.realpath(path):
            warnings.append((int(m.group("line")), int(m.group("col")),
                             m.group("check").replace("maprace-", "")))
    return sorted(set(warnings)), errors


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pairs", default=os.path.join(here, "history-pairs.json"))
    p.add_argument("--repo", action="append", default=[],
                   metavar="OWNER/NAME=GIT_DIR")
    p.add_argument("--plugin", default=os.path.join(
        here, "..", "build", "lib", "libmaprace.so"))
    p.add_argument("--clang-tidy", default=shutil.which("clang-tidy-22") or
                   "/usr/lib/llvm-22/bin/clang-tidy")
    p.add_argument("--only", default=None, help="comma-separated pair ids")
    args = p.parse_args()

    repos = {}
    for spec in args.repo:
        name, sep, git_dir = spec.partition("=")
        if not sep or not os.path.isdir(git_dir):
            sys.exit("history: error: --repo wants OWNER/NAME=GIT_DIR, "
                     "an existing directory: %s" % spec)
        repos[name] = git_dir
    try:
        with open(args.pairs) as f:
            pairs = json.load(f)["pairs"]
    except (OSError, ValueError, KeyError) as e:
        sys.exit("history: error: cannot read %s: %s" % (args.pairs, e))
    only = set(args.only.split(",")) if args.only else None

    counts = {"found": 0, "partial": 0, "missed": 0, "not run": 0,
              "does not compile": 0}
    with tempfile.TemporaryDirectory(prefix="maprace-history-") as tmp:
        for pair in pairs:
            pid = str(pair["id"])
            if only is not None and pid not in only:
                continue
            head = "#%s %s %s %s" % (pid, pair["repo"], pair["fix"][:10],
                                     pair["file"])
            missing = [r for r in [pair["repo"]] + [
                sub["repo"] for sub in pair.get("submodules", [])]
                if r not in repos]
            if missing:
                print("%s: not run (no --repo %s=...)" % (head, missing[0]))
                counts["not run"] += 1
                continue
            result = {}
            broken = False
            for side, commit in (("before", pair["fix"] + "^"),
                                 ("after", pair["fix"])):
                root = os.path.join(tmp, pid, side)
                try:
                    prepare(repos, pair, commit, root)
                except subprocess.CalledProcessError as e:
                    sys.exit("history: error: cannot extract %s of %s: %s" %
                             (commit, pair["repo"], e))
                result[side], errors = analyse(args.clang_tidy, args.plugin,
                                               root, pair)
                if errors:
                    broken = True
                    print("%s: %s does not compile: %s" % (head, side,
                                                           errors[0]))
                    if pair.get("needs"):
                        print("    (needs the Debian packages %s)" %
                              " ".join(pair["needs"]))
                shutil.rmtree(root)
            if broken:
                counts["does not compile"] += 1
                continue
            lines = set(pair["race_lines_before"])
            before_hit = [w for w in result["before"] if w[0] in lines]
            after_lines = set(pair.get("race_lines_after", []))
            after_hit = [w for w in result["after"] if w[0] in after_lines]
            verdict = ("missed" if not before_hit else
                       "partial" if after_hit else "found")
            counts[verdict] += 1
            fmt = lambda ws: ", ".join("%d:%d %s" % w for w in ws) or "silent"
            print("%s: %s" % (head, verdict))
            print("    before: %s" % fmt(result["before"]))
            print("    after:  %s" % fmt(result["after"]))
    print(", ".join("%s %d" % (k, v) for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
