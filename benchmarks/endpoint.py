"""Speed of the SPARQL endpoint against in-process queries.

Starts the Oxigraph server (``vitalegraph serve``'s Python API) on a dataset file, then runs every
named query N times through the endpoint (HTTP + SPARQL JSON, ``vitalegraph query --endpoint``),
in-process on pyoxigraph and in-process on rdflib, and prints the load times and the median latency
of each query in milliseconds.

Usage::

    python benchmarks/endpoint.py                       # the seed dataset (data/vitalegraph.trig)
    python benchmarks/endpoint.py --data big.nq --repeat 3 --json results.json

Note: on a TriG/N-Quads file the in-process engines use the union of the named graphs as the
default graph (pyoxigraph keeps a triple once per graph it is in), while the server's default graph
holds each triple once; on a Turtle file all three see the same graph.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

__all__ = ["main"]


def _median_ms(fn, repeat: int) -> tuple[float | None, int | None, str | None]:
    times, rows = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            table = fn()
        except Exception as exc:  # noqa: BLE001 - report and go on with the next engine
            return None, None, " ".join(str(exc).split())[:80]
        times.append(time.perf_counter() - started)
        rows = len(table.rows) if table.boolean is None else 1
    return statistics.median(times) * 1000, rows, None


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table; exit status 0."""
    from vitalegraph.query import load_dataset, named_queries, run_query
    from vitalegraph.endpoint.remote import run_remote_query
    from vitalegraph.endpoint.serve import default_data, free_port, start_server

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="Example:\n  python benchmarks/endpoint.py --data data/vitalegraph.trig")
    parser.add_argument("--data", type=Path, default=None,
                        help="dataset file; default: data/vitalegraph.trig (else .ttl)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (the median is shown); default: 5")
    parser.add_argument("--no-rdflib", action="store_true", help="skip rdflib (slow on large data)")
    parser.add_argument("--json", type=Path, default=None, help="also write the numbers to this JSON file")
    args = parser.parse_args(argv)
    data = args.data or default_data()

    result: dict = {"data": str(data), "repeat": args.repeat, "load_s": {}, "queries": {}}
    started = time.perf_counter()
    server = start_server(data, port=free_port())
    result["load_s"]["endpoint (oxigraph load + start)"] = time.perf_counter() - started
    result["load_s"]["endpoint (oxigraph load only)"] = server.load_seconds
    try:
        started = time.perf_counter()
        ox_ds = load_dataset(data, "oxigraph")
        result["load_s"]["pyoxigraph in-process"] = time.perf_counter() - started
        rdf_ds = None
        if not args.no_rdflib:
            started = time.perf_counter()
            rdf_ds = load_dataset(data, "rdflib")
            result["load_s"]["rdflib in-process"] = time.perf_counter() - started

        run_remote_query("teams", server.query_url)  # warm-up: first connection
        for name in named_queries():
            entry = {}
            for engine, fn in (("endpoint", lambda: run_remote_query(name, server.query_url, timeout=600)),
                               ("pyoxigraph", lambda: run_query(name, ox_ds)),
                               ("rdflib", (lambda: run_query(name, rdf_ds)) if rdf_ds is not None else None)):
                if fn is None:
                    continue
                ms, rows, error = _median_ms(fn, args.repeat)
                entry[engine] = {"ms": ms, "rows": rows, "error": error}
            result["queries"][name] = entry
    finally:
        server.stop()

    c = server.counts
    print(f"data: {data}  ({c['quads']} quads, {c['triples']} distinct triples, {c['graphs']} named graphs)")
    for what, seconds in result["load_s"].items():
        print(f"  load  {what:<36} {seconds:8.3f} s")
    engines = ["endpoint", "pyoxigraph"] + ([] if args.no_rdflib else ["rdflib"])
    print(f"\nmedian latency of {args.repeat} runs, ms (rows)")
    print(f"  {'query':<20}" + "".join(f"{e:>20}" for e in engines))
    for name, entry in result["queries"].items():
        cells = []
        for e in engines:
            v = entry[e]
            cells.append(f"{'error':>20}" if v["error"] else f"{v['ms']:>13.1f} ({v['rows']:>3})")
        print(f"  {name:<20}" + "".join(cells))
    errors = [(n, e, v["error"]) for n, entry in result["queries"].items() for e, v in entry.items() if v["error"]]
    for name, engine, error in errors:
        print(f"  error: {name} on {engine}: {error}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into head
        sys.exit(0)
