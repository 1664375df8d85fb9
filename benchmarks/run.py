"""One benchmark for VitaleGraph: where the time goes as the corpus grows.

    python benchmarks/run.py [--sizes 13,1000,10000,15000] [--runs 3] [--rdflib-timeout 120]
    python benchmarks/run.py --show          # the table of the last run, from results/latest.json

For each size (number of adoption teams; 13 is the seed corpus in data/sources, any other size a
synthetic corpus from benchmarks/corpus.py with seed 1) it measures, each stage in a fresh process:

* the build by stage, as `vitalegraph build` runs it (`vitalegraph.build.build`; extraction,
  resolution, texts (sentences and mentions), graph, serialisation of the TTL and TriG, validation (loading the store included),
  statistics for the description, writing the files with void.ttl): time (median of --runs) and peak RSS at the end of the stage, the number of triples,
  and whether two builds gave byte-identical TTL and TriG;
* each named query's latency on rdflib's memory store and on Oxigraph through
  `vitalegraph.query.run_query` (what `vitalegraph query` runs), with their ratio, and the same query
  straight on pyoxigraph with `run_query`'s overhead over it (one run each: the machine is shared and
  noisy), plus the time to load the dataset into each;
* the network analyses (all of them, on the actor and district networks);
* the picture (`coalitions` view: time and size), if vitalegraph.picture is present;
* the endpoint's load time (oxigraph load), if vitalegraph.endpoint is present.

It prints one table and writes it as JSON to benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
#: the stages of `vitalegraph build` (vitalegraph.build), in order
STAGES = ("extraction", "resolution", "texts", "graph", "serialisation", "validation", "statistics", "writing")

_BUILD_STAGES = r'''
import json, resource, sys, time
def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
t0 = time.perf_counter()
from vitalegraph.build import build
marks = {}
# the real build, as `vitalegraph build` runs it (networks and pictures are measured apart below)
result = build(sys.argv[1], sys.argv[2], networks=False, progress=lambda stage: marks.__setitem__(stage, rss()))
out = {stage: (seconds, marks[stage]) for stage, seconds in result.timings.items()}
out["total"] = (time.perf_counter() - t0, rss())
out["triples"] = result.counts["triples"]
out["route"] = result.validation
print(json.dumps(out))
'''

_QUERIES = r'''
import json, sys, time
from vitalegraph.query import load_dataset, named_queries, run_query
from vitalegraph.errors import QueryError
engine, data, limit = sys.argv[1], sys.argv[2], float(sys.argv[3])
t = time.perf_counter(); ds = load_dataset(data, engine); load = time.perf_counter() - t
res = {"load": load, "queries": {}}
import signal
def alarm(signum, frame):
    raise TimeoutError
signal.signal(signal.SIGALRM, alarm)
for name in named_queries():
    t = time.perf_counter()
    try:
        if limit:   # rdflib is pure Python: an alarm interrupts it without a forked child's overhead
            signal.setitimer(signal.ITIMER_REAL, limit)
        rows = len(run_query(name, ds).rows)
        signal.setitimer(signal.ITIMER_REAL, 0)
        res["queries"][name] = {"seconds": time.perf_counter() - t, "rows": rows}
        if engine == "oxigraph":   # the same query straight on pyoxigraph, every value read
            from vitalegraph.query import resolve_query
            sparql = resolve_query(name)[1]
            t = time.perf_counter()
            for sol in ds.store.query(sparql):
                [sol[i] for i in range(len(sol))]
            res["queries"][name]["direct"] = time.perf_counter() - t
    except (QueryError, TimeoutError) as exc:
        signal.setitimer(signal.ITIMER_REAL, 0)
        res["queries"][name] = {"seconds": None, "error": str(exc) or f"over {limit:g} s"}
print(json.dumps(res))
'''

_NETWORK = r'''
import json, sys, time
import networkx as nx
from vitalegraph.query import load_dataset
from vitalegraph import network as vn
ds = load_dataset(sys.argv[1])
t = time.perf_counter()
rows = vn.membership_rows(ds)
A, D = vn.actor_network(rows), vn.district_network(rows)
vn.actor_team_network(rows); vn.ministry_district_network(rows)
vn.linkers(rows)
ca, cd = vn.centrality(A), vn.centrality(D)
nx.set_node_attributes(A, vn.actor_groups(A), "group"); vn.brokerage(A, "group")
vn.communities(A); vn.communities(D)
print(json.dumps({"seconds": time.perf_counter() - t, "actor": [A.number_of_nodes(), A.number_of_edges()],
                  "district": [D.number_of_nodes(), D.number_of_edges()],
                  "betweenness": {"actor": ca[0]["betweenness_method"] if ca else "",
                                  "district": cd[0]["betweenness_method"] if cd else ""}}))
'''


def child(code: str, *args: str, timeout: float = 3600) -> dict:
    r = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip().splitlines()[-1] if r.stderr.strip() else f"exit {r.returncode}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def timed_cli(*args: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vitalegraph", *args], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - t


def measure(size: int, runs: int, rdflib_timeout: float, work: Path) -> dict:
    if size == 13:
        sources = ROOT / "data" / "sources"
    else:
        sources = work / f"corpus-{size}"
        subprocess.run([sys.executable, "benchmarks/corpus.py", "--teams", str(size), "--seed", "1", "--out",
                        str(sources)], cwd=ROOT, check=True, capture_output=True)
    builds = []
    for i in range(runs):
        out = work / f"out-{size}-{i}"
        out.mkdir(parents=True, exist_ok=True)
        builds.append(child(_BUILD_STAGES, str(sources), str(out)))
    data = work / f"out-{size}-0" / "vitalegraph.ttl"
    identical = all((work / f"out-{size}-{i}" / f).read_bytes() == (work / f"out-{size}-0" / f).read_bytes()
                    for i in range(1, runs) for f in ("vitalegraph.ttl", "vitalegraph.trig"))
    stages = {}
    for stage in (s for s in STAGES + ("total",) if s in builds[0]):   # older builds have no texts stage
        stages[stage] = {"seconds": statistics.median(b[stage][0] for b in builds),
                         "peak_rss_mb": max(b[stage][1] for b in builds) / 2**20}
    result = {"teams": size, "triples": builds[0]["triples"], "validation_route": builds[0]["route"],
              "build": stages, "byte_identical": identical if runs > 1 else None}
    ox = child(_QUERIES, "oxigraph", str(data), "0")
    rl = child(_QUERIES, "rdflib", str(data), str(rdflib_timeout), timeout=rdflib_timeout * 15 + 600)
    result["load"] = {"oxigraph": ox["load"], "rdflib": rl["load"]}
    result["queries"] = {}
    for name, o in ox["queries"].items():
        r = rl["queries"].get(name, {})
        ratio = (r["seconds"] / o["seconds"]) if r.get("seconds") and o.get("seconds") else None
        result["queries"][name] = {"oxigraph": o.get("seconds"), "rdflib": r.get("seconds"),
                                   "rdflib_error": r.get("error"), "ratio": ratio, "rows": o.get("rows"),
                                   "pyoxigraph_direct": o.get("direct"),
                                   "vitalegraph_over_direct": (o["seconds"] / o["direct"]) if o.get("direct") else None}
    result["network"] = child(_NETWORK, str(data))
    if (ROOT / "vitalegraph" / "picture").is_dir():
        html = work / f"picture-{size}.html"
        try:
            seconds = statistics.median(timed_cli("picture", "coalitions", "--data", str(data), "--out", str(html))
                                        for _ in range(runs))
            result["picture"] = {"seconds": seconds, "bytes": html.stat().st_size}
        except subprocess.CalledProcessError as exc:
            result["picture"] = {"error": (exc.stderr or b"").decode()[-200:]}
    if (ROOT / "vitalegraph" / "endpoint").is_dir():
        import shutil

        exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        store = work / f"store-{size}"
        t = time.perf_counter()
        subprocess.run([exe, "load", "--location", str(store), "--file", str(data)], check=True, capture_output=True)
        result["endpoint_load_seconds"] = time.perf_counter() - t
    return result


def _f(x, digits=2):
    return "-" if x is None else f"{x:.{digits}f}"


def growth(results: list[dict]) -> list[str]:
    """How the build's total time grows between the synthetic sizes measured (the seed corpus is
    left out: a different text), e.g. ``growth 1000 -> 10000 teams: 10.0x the teams, 11.3x the time
    (target <= 12x)``; the target applies to ten times the teams."""
    sizes = sorted((r["teams"], r["build"]["total"]["seconds"]) for r in results if r["teams"] != 13)
    lines = []
    for i, (a, ta) in enumerate(sizes):
        for b, tb in sizes[i + 1:]:
            target = " (target <= 12x)" if b == 10 * a else ""
            lines.append(f"growth {a} -> {b} teams: {b / a:.1f}x the teams, {tb / ta:.1f}x the build time{target}")
    return lines


def table(results: list[dict]) -> str:
    lines = []
    head = f"{'teams':>6} {'triples':>9} {'extract':>8} {'resolve':>8} {'texts':>6} {'graph':>7} {'serial.':>8} {'valid.':>7} " \
           f"{'stats':>6} {'write':>6} {'total s':>8} {'peak MB':>8} {'ident.':>6} {'net s':>6} {'pict s':>7} {'pict MB':>8} {'endp. s':>8}"
    lines.append(head)
    for r in results:
        b = r["build"]
        pic = r.get("picture", {})
        lines.append(f"{r['teams']:>6} {r['triples']:>9} {_f(b['extraction']['seconds']):>8} "
                     f"{_f(b['resolution']['seconds']):>8} {_f(b.get('texts', {}).get('seconds')):>6} {_f(b['graph']['seconds']):>7} "
                     f"{_f(b['serialisation']['seconds']):>8} {_f(b['validation']['seconds']):>7} "
                     f"{_f(b.get('statistics', {}).get('seconds')):>6} {_f(b.get('writing', {}).get('seconds')):>6} "
                     f"{_f(b['total']['seconds']):>8} {b['total']['peak_rss_mb']:>8.0f} "
                     f"{str(r['byte_identical'])[:5]:>6} {_f(r['network']['seconds']):>6} "
                     f"{_f(pic.get('seconds')):>7} {_f((pic.get('bytes') or 0) / 2**20):>8} "
                     f"{_f(r.get('endpoint_load_seconds')):>8}")
    lines.extend(growth(results))
    lines.append("")
    lines.append(f"{'teams':>6} {'query':<20} {'oxigraph s':>11} {'rdflib s':>10} {'ratio':>8} "
                 f"{'pyoxigraph s':>13} {'vg/direct':>10}")
    for r in results:
        lines.append(f"{r['teams']:>6} {'(load)':<20} {_f(r['load']['oxigraph'], 3):>11} {_f(r['load']['rdflib'], 3):>10}")
        for name, q in r["queries"].items():
            rd = _f(q["rdflib"], 3) if q["rdflib"] is not None else ("timeout" if q.get("rdflib_error") else "-")
            lines.append(f"{r['teams']:>6} {name:<20} {_f(q['oxigraph'], 4):>11} {rd:>10} {_f(q['ratio'], 1):>8} "
                         f"{_f(q.get('pyoxigraph_direct'), 4):>13} {_f(q.get('vitalegraph_over_direct'), 2):>10}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="13,1000,10000,15000", help="comma-separated numbers of teams")
    parser.add_argument("--runs", type=int, default=3, help="build runs per size (the median is reported)")
    parser.add_argument("--rdflib-timeout", type=float, default=120, help="seconds per query on rdflib")
    parser.add_argument("--show", action="store_true", help="print the table of the last run (latest.json); measure nothing")
    args = parser.parse_args()
    if args.show:
        try:
            print(table(json.loads((RESULTS / "latest.json").read_text(encoding="utf-8"))["sizes"]))
        except (OSError, ValueError, KeyError) as exc:
            sys.exit(f"run.py: no readable {RESULTS / 'latest.json'} ({exc}); run the benchmark first")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            print(f"measuring {size} teams ...", file=sys.stderr, flush=True)
            results.append(measure(size, args.runs, args.rdflib_timeout, Path(tmp)))
            print(table(results[-1:]), file=sys.stderr, flush=True)
    report = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
              "sizes": results}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
