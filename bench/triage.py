#!/usr/bin/env python3
"""Match a run's findings against a recorded triage and count the verdicts.

A triage file (docs/triage/<project>.md) is a Markdown table with one row per
warning, keyed by the finding's fingerprint:

  | # | fingerprint | location | check | verdict | reason |

where verdict is `true`, `false` or `debatable` and reason says why in one
line. Text around the table is kept as it is.

  bench/triage.py FINDINGS.jsonl TRIAGE.md [--update]

prints the warnings per check, the verdicts per check, the findings the
triage has no verdict for (new since it was written, or still blank) and the
triaged warnings the run no longer reports. --update rewrites the table in
the run's order: verdicts carried over by fingerprint, new findings added
with a blank verdict, warnings gone dropped. Exit status 1 when a finding has
no verdict or a verdict is not one of the three words.
"""
import argparse
import collections
import json
import re
import sys

VERDICTS = ("true", "false", "debatable")
HEADER = ("| # | fingerprint | location | check | verdict | reason |\n"
          "|---|---|---|---|---|---|\n")
ROW = re.compile(r"^\|\s*\d+\s*\|\s*([0-9a-f]{32})\s*\|")


def split_row(line):
    """Cells of a table row; `\\|` inside a cell is not a separator."""
    cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [c.strip().replace("\\|", "|") for c in cells]


def read_triage(path):
    """(rows by fingerprint, lines before the table, lines after it)."""
    rows, before, after = collections.OrderedDict(), [], []
    seen_table = False
    with open(path) as f:
        lines = f.readlines()
    i = 0
    while i < len(lines) and not lines[i].startswith("| # | fingerprint"):
        before.append(lines[i])
        i += 1
    if i < len(lines):
        seen_table = True
        i += 2  # header and separator
    while i < len(lines) and lines[i].startswith("|"):
        line = lines[i]
        i += 1
        if not ROW.match(line):
            raise ValueError("%s: not a triage row: %s" % (path, line.strip()))
        cells = split_row(line)
        if len(cells) != 6:
            raise ValueError("%s: a row needs 6 cells: %s" % (path, line.strip()))
        rows[cells[1]] = {"location": cells[2], "check": cells[3],
                          "verdict": cells[4], "reason": cells[5]}
    after = lines[i:]
    if not seen_table:
        raise ValueError("%s: no triage table (its header is '%s')" %
                         (path, HEADER.splitlines()[0]))
    return rows, before, after


def location(finding):
    return "%s:%d:%d" % (finding["file"], finding["line"], finding["column"])


def short_check(finding):
    return finding["check"].replace("maprace-", "")


def table(findings, rows):
    out = [HEADER]
    for i, x in enumerate(findings, 1):
        old = rows.get(x["fingerprint"], {})
        out.append("| %d | %s | %s | %s | %s | %s |\n" % (
            i, x["fingerprint"], location(x), short_check(x),
            old.get("verdict", ""),
            old.get("reason", "").replace("|", "\\|")))
    return out


def summarize(findings, rows):
    """Lines to print, and whether every finding has a valid verdict."""
    out = []
    by_check = collections.Counter(short_check(x) for x in findings)
    verdicts = collections.Counter()
    per_check = collections.defaultdict(collections.Counter)
    missing, invalid = [], []
    fingerprints = set()
    for x in findings:
        fingerprints.add(x["fingerprint"])
        verdict = rows.get(x["fingerprint"], {}).get("verdict", "")
        if not verdict:
            missing.append(x)
        elif verdict not in VERDICTS:
            invalid.append((x, verdict))
        else:
            verdicts[verdict] += 1
            per_check[short_check(x)][verdict] += 1
    gone = [(fp, r) for fp, r in rows.items() if fp not in fingerprints]

    out.append("warnings: %d (%s)" % (len(findings), ", ".join(
        "%s %d" % (c, n) for c, n in sorted(by_check.items()))))
    out.append("verdicts: " + ", ".join("%s %d" % (v, verdicts[v])
                                        for v in VERDICTS) +
               ", none %d" % len(missing))
    for check in sorted(per_check):
        out.append("  %-20s %s" % (check, ", ".join(
            "%s %d" % (v, per_check[check][v]) for v in VERDICTS)))
    for x in missing:
        out.append("no verdict: %s [%s] %s" % (location(x), short_check(x),
                                               x["message"]))
    for x, verdict in invalid:
        out.append("bad verdict '%s': %s" % (verdict, location(x)))
    for fp, r in gone:
        out.append("gone: %s [%s] was %s" % (r["location"], r["check"],
                                             r["verdict"] or "not triaged"))
    return out, not missing and not invalid


def read_findings(path):
    with open(path) as f:
        findings = [json.loads(l) for l in f if l.strip()]
    for x in findings:
        for key in ("file", "line", "column", "check", "message",
                    "fingerprint"):
            if key not in x:
                raise ValueError("%s: a finding has no '%s'" % (path, key))
    return findings


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("findings", help="findings.jsonl of bench/evaluate.py")
    p.add_argument("triage", help="the recorded triage (Markdown)")
    p.add_argument("--update", action="store_true",
                   help="rewrite the triage table for this run")
    args = p.parse_args()

    try:
        findings = read_findings(args.findings)
        rows, before, after = read_triage(args.triage)
    except (OSError, ValueError, KeyError) as e:
        sys.exit("triage: error: %s" % e)
    lines, complete = summarize(findings, rows)
    print("\n".join(lines))
    if args.update:
        with open(args.triage, "w") as f:
            f.writelines(before + table(findings, rows) + after)
        print("updated: %s" % args.triage)
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())
