"""Time the network pictures: the seed graph from a fresh shell, and synthetic graphs in-process.

    python benchmarks/picture.py [--runs 5]

Prints the median wall time and the file size of `vitalegraph picture coalitions` on the seed graph,
each run as a new process (import included; target 2 s), and of synthetic coalition graphs of 5,000
and 10,000 nodes rendered with the same code (vitalegraph.picture.picture_html; target for 10,000
nodes: written in 3 s), the time to build the synthetic graph left out.
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


def cli_run(out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vitalegraph", "picture", "coalitions", "--out", str(out)], cwd=ROOT,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def synthetic_run(nodes: int, out: Path) -> float:
    from vitalegraph.picture import picture_html, synthetic_graph

    G = synthetic_graph(nodes)
    start = time.perf_counter()
    out.write_bytes(picture_html(G, title=f"{nodes} synthetic nodes").encode("utf-8"))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (ROOT / "data" / "vitalegraph.ttl").is_file():
        sys.exit("data/vitalegraph.ttl is missing: run `vitalegraph build` first")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "coalitions.html"
        times = [cli_run(out) for _ in range(args.runs)]
        results.append(("vitalegraph picture coalitions", times, out.stat().st_size, 2.0))
        for nodes, target in ((5000, None), (10_000, 3.0)):
            out = Path(tmp) / f"synthetic-{nodes}.html"
            times = [synthetic_run(nodes, out) for _ in range(args.runs)]
            results.append((f"synthetic {nodes:,} nodes", times, out.stat().st_size, target))
    print(f"{'picture':<32}{'median s':>10}{'min s':>8}{'max s':>8}{'size MB':>9}{'target s':>10}")
    for name, times, size, target in results:
        print(f"{name:<32}{statistics.median(times):>10.2f}{min(times):>8.2f}{max(times):>8.2f}"
              f"{size / 1e6:>9.2f}{(f'{target:.1f}' if target else '-'):>10}")


if __name__ == "__main__":
    main()
