"""Instructions a command executes in user space, counted by valgrind's
cachegrind (`--cache-sim=no`): nearly the same on every run however busy
the machine (clang-tidy on one file moved by at most 0.3%), for the benchmarks' --instructions mode."""
import re
import shutil
import subprocess
import sys


def instructions(cmd):
    """(instructions executed, the command's stdout)."""
    vg = shutil.which("valgrind")
    if not vg:
        sys.exit("error: --instructions needs valgrind (apt-get install valgrind)")
    r = subprocess.run([vg, "--tool=cachegrind", "--cache-sim=no",
                        "--cachegrind-out-file=/dev/null"] + cmd,
                       capture_output=True, text=True, errors="replace")
    m = re.search(r"^==\d+== I\s+refs:\s+([\d,]+)", r.stderr, re.M)
    if not m:
        sys.exit("error: no instruction count in valgrind's output:\n" +
                 r.stderr[-2000:])
    return int(m.group(1).replace(",", "")), r.stdout
