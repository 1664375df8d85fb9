"""What a gigabyte of fresh memory costs on this machine: the floor under the growth of a large build.

    python benchmarks/memory.py [--gb 6]

Allocates ``--gb`` gigabytes one at a time in a child process, touching every page, and prints the
seconds each gigabyte took (nearly all of it system time: the kernel, and below it the hypervisor,
supplying the pages). It does this twice, in two fresh processes: the first run finds memory that no
process on the machine has used for a while, the second finds the pages the first one gave back.

Why it matters: a build of 10,000 teams peaks at about 4 GB and a build of 1,000 teams at 0.45 GB.
If a fresh gigabyte costs seconds, that cost alone grows faster than the number of teams once the
build needs more memory than the machine has recently handed out, and a build measured right after
another large process runs faster than one measured on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

_CHILD = r'''
import json, resource, sys, time
out = []
keep = []
for i in range(int(sys.argv[1])):
    r0 = resource.getrusage(resource.RUSAGE_SELF); t = time.perf_counter()
    b = bytearray(1 << 30)
    for off in range(0, 1 << 30, 4096):
        b[off] = 1
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    out.append({"seconds": time.perf_counter() - t, "system": r1.ru_stime - r0.ru_stime})
    keep.append(b)
print(json.dumps(out))
'''


def measure(gb: int) -> list[dict]:
    """Seconds (wall and system) to allocate and touch each of *gb* gigabytes in a fresh process."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(gb)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gb", type=int, default=6, help="gigabytes to touch per run (default 6)")
    args = parser.parse_args(argv)
    print(f"{'run':>5} " + " ".join(f"{'GB ' + str(i + 1):>7}" for i in range(args.gb)) + "   (seconds per GB)")
    for run in (1, 2):
        rows = measure(args.gb)
        print(f"{run:>5} " + " ".join(f"{r['seconds']:7.2f}" for r in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
