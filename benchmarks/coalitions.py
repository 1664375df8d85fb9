"""Time the case table: `vitalegraph coalitions` on the seed and on a synthetic corpus of 1,000 teams.

    python benchmarks/coalitions.py [--teams 1000] [--runs 3]

Builds the synthetic corpus (benchmarks/corpus.py, seed 1; not timed), then runs, each time as a new
process (import and loading the dataset included), `vitalegraph coalitions --format csv`,
`vitalegraph coalitions compare`, `vitalegraph query coalitions` and `vitalegraph report`, and prints
the median, min and max wall time of --runs. Target: `coalitions` on 1,000 teams under 10 s.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

COMMANDS = (("coalitions", ["coalitions", "--format", "csv"], 10.0), ("coalitions compare", ["coalitions", "compare"], None),
            ("query coalitions", ["query", "coalitions", "--format", "csv"], None), ("report", ["report"], None))


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vitalegraph", *args], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--teams", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from corpus import generate

    from vitalegraph.build import build

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        src.mkdir()
        for name, text in generate(args.teams, 1).items():
            (src / name).write_bytes(text.encode("utf-8"))
        build(src, out, Path(tmp) / "no-statements", networks=False)
        for size, data in (("seed (13 teams)", ROOT / "data" / "vitalegraph.ttl"),
                           (f"synthetic ({args.teams:,} teams)", out / "vitalegraph.ttl")):
            for name, command, target in COMMANDS:
                extra = ["--out", str(Path(tmp) / "report.html")] if name == "report" else []
                times = [timed([*command, "--data", str(data), *extra]) for _ in range(args.runs)]
                results.append((size, name, times, target if size.startswith("synthetic") else None))
    print(f"{'corpus':<26}{'command':<22}{'median s':>10}{'min s':>8}{'max s':>8}{'target s':>10}")
    for size, name, times, target in results:
        print(f"{size:<26}{name:<22}{statistics.median(times):>10.2f}{min(times):>8.2f}{max(times):>8.2f}"
              f"{(f'{target:.1f}' if target else '-'):>10}")


if __name__ == "__main__":
    main()
