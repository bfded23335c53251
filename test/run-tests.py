#!/usr/bin/env python3
"""Runs the lit suite (the checks' tests also against libc++) and the unit
tests; prints `N passed, N failed` last."""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
lit = "/usr/lib/llvm-22/bin/lit"
passed = failed = 0
failures = []


def count_junit(path, label):
    global passed, failed
    root = ET.parse(path).getroot()
    for case in root.iter("testcase"):
        name = case.get("classname", "") + "." + case.get("name", "")
        if case.find("skipped") is not None:
            continue
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
            failures.append(f"{label}: {name}")
        else:
            passed += 1


with tempfile.TemporaryDirectory() as tmp:
    xml = os.path.join(tmp, "lit.xml")
    jobs = str(os.cpu_count() or 2)
    r = subprocess.run([sys.executable, lit, "-q", "-j", jobs,
                        "--xunit-xml-output", xml,
                        os.path.join(build, "test")])
    if os.path.exists(xml):
        count_junit(xml, "lit")
    elif r.returncode != 0:
        failed += 1
        failures.append("lit: the test runner itself failed")

    # The checks' tests again against LLVM's libc++ (libc++-22-dev): the
    # same sources, the same expected findings.
    libcxx_dirs = ["containers", "escaped-handles", "interprocedural",
                   "iteration-mutation", "lock-mismatch", "locks", "threads",
                   "unguarded-access"]
    if os.path.isdir("/usr/lib/llvm-22/include/c++/v1"):
        cxml = os.path.join(tmp, "libcxx.xml")
        subprocess.run([sys.executable, lit, "-q", "-j", jobs,
                        "--param", "stdlib=libc++",
                        "--xunit-xml-output", cxml] +
                       [os.path.join(build, "test", d) for d in libcxx_dirs])
        if os.path.exists(cxml):
            count_junit(cxml, "lit libc++")
        else:
            failed += 1
            failures.append("lit libc++: the test runner itself failed")
    else:
        failed += 1
        failures.append("lit libc++: libc++-22-dev is not installed "
                        "(scripts/setup.sh --test-tools)")

    unit = os.path.join(build, "bin", "maprace-unit-tests")
    if os.path.exists(unit):
        uxml = os.path.join(tmp, "unit.xml")
        subprocess.run([unit, f"--gtest_output=xml:{uxml}"],
                       stdout=subprocess.DEVNULL)
        if os.path.exists(uxml):
            count_junit(uxml, "unit")
        else:
            failed += 1
            failures.append("unit: the unit test binary crashed")

for f in failures:
    print("FAILED:", f)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
