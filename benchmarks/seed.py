"""Time the two seed-corpus targets from a fresh shell, import time included.

    python benchmarks/seed.py [--runs 5]

Prints the median wall time of `vitalegraph build` (into a temporary folder) and of
`vitalegraph query teams`, each run as a new process, against the targets of 3 s and 1.5 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        build = [timed([sys.executable, "-m", "vitalegraph", "build", "--out", out]) for _ in range(args.runs)]
        data = str(Path(out) / "vitalegraph.ttl")
        query = [timed([sys.executable, "-m", "vitalegraph", "query", "teams", "--data", data])
                 for _ in range(args.runs)]
    print(f"{'command':<28}{'median s':>10}{'min s':>8}{'max s':>8}{'target s':>10}")
    for name, times, target in (("vitalegraph build", build, 3.0), ("vitalegraph query teams", query, 1.5)):
        print(f"{name:<28}{statistics.median(times):>10.2f}{min(times):>8.2f}{max(times):>8.2f}{target:>10.1f}")


if __name__ == "__main__":
    main()
