"""Time the network pictures: the seed graph from a fresh shell, and synthetic graphs in-process.

    python benchmarks/picture.py [--runs 5] [--stages-only]

Prints the median wall time and the file size of `vitalegraph picture coalitions` on the seed graph,
each run as a new process (import included; target 2 s), and of synthetic coalition graphs of 5,000
and 10,000 nodes rendered with the same code (vitalegraph.picture.picture_html; target for 10,000
nodes: written in 3 s), the time to build the synthetic graph left out.

Then where the seed picture's time goes, each stage timed in a fresh process (median of the runs):
the imports of the command, loading the dataset, the membership rows, the view's graph, the node
sizes (centrality), the layout (spring layout, then the labels pushed apart), the rest of the page
data, the HTML, and the short names, quotes and tour that come from the dataset.
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


CPU: list[float] = []


def cli_run(out: Path) -> float:
    """Wall time of one `vitalegraph picture coalitions`; its CPU time (user + system) goes to CPU,
    which a machine busy with other work changes less than the wall time."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vitalegraph", "picture", "coalitions", "--out", str(out)], cwd=ROOT,
                   check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def synthetic_run(nodes: int, out: Path) -> float:
    from vitalegraph.picture import picture_html, synthetic_graph

    G = synthetic_graph(nodes)
    start = time.perf_counter()
    out.write_bytes(picture_html(G, title=f"{nodes} synthetic nodes").encode("utf-8"))
    return time.perf_counter() - start


#: run in a fresh process: the seed picture's stages, timed one by one; prints one JSON object
STAGES = r"""
import json, sys, time
t0 = time.perf_counter()
from vitalegraph.cli import build_parser
build_parser()
from vitalegraph import network as vn, picture as vp
from vitalegraph.query import load_dataset
layout_module = sys.modules["vitalegraph.picture.layout"]
render_module = sys.modules["vitalegraph.picture.payload"]
out = {"imports": time.perf_counter() - t0}
clock = {"layout": 0.0, "sizes": 0.0}
def timed(name, f):
    def run(*a, **k):
        t = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            clock[name] += time.perf_counter() - t
    return run
render_module.layout = timed("layout", render_module.layout)
render_module.node_sizes = timed("sizes", render_module.node_sizes)
t = time.perf_counter(); ds = load_dataset(sys.argv[1]); out["load dataset"] = time.perf_counter() - t
t = time.perf_counter(); rows = vn.membership_rows(ds); out["membership rows"] = time.perf_counter() - t
t = time.perf_counter(); G = vp.find_view("coalitions").graph(rows, vp.short_names(ds)); out["view graph"] = time.perf_counter() - t
t = time.perf_counter(); data = vp.picture_data(G); total = time.perf_counter() - t
out["node sizes"], out["layout"] = clock["sizes"], clock["layout"]
out["page data, rest"] = total - clock["sizes"] - clock["layout"]
t = time.perf_counter(); page = vp.picture_html(G); out["html (data again)"] = time.perf_counter() - t
t = time.perf_counter(); vp.render_view(ds, "coalitions", rows=rows, tour=False); whole = time.perf_counter() - t
out["render_view, all"] = whole
print(json.dumps(out))
"""


def stage_run() -> dict:
    import json

    r = subprocess.run([sys.executable, "-c", STAGES, str(ROOT / "data" / "vitalegraph.ttl")], cwd=ROOT, check=True,
                       capture_output=True, text=True)
    return json.loads(r.stdout)


def print_stages(runs: int) -> None:
    got = [stage_run() for _ in range(runs)]
    print(f"\nseed coalitions picture, stage by stage (fresh process each, median of {runs}):")
    for name in got[0]:
        times = [g[name] for g in got]
        print(f"  {name:<22}{statistics.median(times):>8.3f} s   (min {min(times):.3f}, max {max(times):.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--stages-only", action="store_true", help="only the seed picture's stages")
    args = parser.parse_args()
    if not (ROOT / "data" / "vitalegraph.ttl").is_file():
        sys.exit("data/vitalegraph.ttl is missing: run `vitalegraph build` first")
    if args.stages_only:
        print_stages(args.runs)
        return
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
    print(f"  (CPU time of the command: median {statistics.median(CPU):.2f} s, min {min(CPU):.2f} s)")
    print_stages(args.runs)


if __name__ == "__main__":
    main()
