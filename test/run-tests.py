#!/usr/bin/env python3
"""Runs the lit suite and the unit tests; prints `N passed, N failed` last."""
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
