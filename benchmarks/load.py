"""A bounded load test of `vitalegraph serve` on 127.0.0.1.

    python benchmarks/load.py [--clients 8] [--seconds 30] [--data data/vitalegraph.trig] [--fresh] [--serve]

Starts the read-only endpoint on a free port, runs CLIENTS threads that send the named queries in
turn for SECONDS (and, every so often, an update that must be refused), then prints the requests
served, the errors (must be 0), the refused updates, the triple count before and after, and the
latency percentiles. Traffic goes only to 127.0.0.1; the loop is bounded in time and stops itself.

``--serve`` runs the endpoint as users do, ``vitalegraph serve`` in a process of its own (by default
it runs in this process, beside the client threads, through the Python API), and stops it with
Ctrl-C's signal at the end.

The endpoint's guard parses each query text once and keeps its verdict; ``--fresh`` makes every
request a new text (a comment with the request's number), so that every request is parsed: the
worst case, of clients that never send the same text twice.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _post(url: str, field: str, text: str, timeout: float = 30) -> tuple[int, bytes]:
    body = urllib.parse.urlencode({field: text}).encode()
    req = urllib.request.Request(url, data=body, headers={"Accept": "application/sparql-results+json",
                                                         "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def count(endpoint: str) -> int:
    status, body = _post(endpoint, "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200, status
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def run_load(endpoint: str, clients: int = 8, seconds: float = 30, update_every: int = 25,
             fresh: bool = False) -> dict:
    """Hammer *endpoint* with the named queries from *clients* threads for *seconds*; with *fresh*,
    every request is a new text (the query and a comment with the request's number).

    Returns requests, errors, refused and accepted updates, and latency percentiles (ms).
    """
    from vitalegraph.query import named_queries

    queries = [q.text for q in named_queries().values()]
    update_url = endpoint.rsplit("/", 1)[0] + "/update"
    lock = threading.Lock()
    latencies: list[float] = []
    stats = {"requests": 0, "errors": 0, "updates_refused": 0, "updates_accepted": 0, "error_samples": []}
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        i = k
        while time.monotonic() < stop:
            i += 1
            if i % update_every == 0:
                status, _ = _post(update_url, "update", "INSERT DATA { <urn:x> <urn:y> <urn:z> }")
                with lock:
                    stats["updates_refused" if status >= 400 else "updates_accepted"] += 1
                continue
            t = time.perf_counter()
            try:
                text = queries[i % len(queries)] + (f"\n# request {k}-{i}\n" if fresh else "")
                status, body = _post(endpoint, "query", text)
                ok = status == 200 and "results" in json.loads(body)
            except Exception as exc:  # noqa: BLE001 - every failure counts as an error
                ok, status = False, repr(exc)
            with lock:
                stats["requests"] += 1
                latencies.append((time.perf_counter() - t) * 1000)
                if not ok:
                    stats["errors"] += 1
                    if len(stats["error_samples"]) < 3:
                        stats["error_samples"].append(str(status))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(seconds + 60)
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    stats.update({"clients": clients, "seconds": seconds, "fresh": fresh, "rate_per_s": stats["requests"] / seconds,
                  "p50_ms": q[49], "p90_ms": q[89], "p99_ms": q[98], "max_ms": latencies[-1] if latencies else 0.0})
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--data", default=str(ROOT / "data" / "vitalegraph.trig"))
    parser.add_argument("--fresh", action="store_true", help="send every request as a new query text")
    parser.add_argument("--serve", action="store_true", help="run `vitalegraph serve` in its own process")
    args = parser.parse_args()
    from vitalegraph.endpoint.serve import free_port, start_server

    if args.serve:
        server, endpoint = _serve_process(args.data, free_port())
    else:
        server = start_server(args.data, port=free_port())
        endpoint = server.query_url
    try:
        before = count(endpoint)
        stats = run_load(endpoint, args.clients, args.seconds, fresh=args.fresh)
        stats["triples_before"], stats["triples_after"] = before, count(endpoint)
        stats["serve_process"] = args.serve
    finally:
        if args.serve:
            import signal

            server.send_signal(signal.SIGINT)
            server.communicate(timeout=30)
        else:
            server.stop()
    print(json.dumps(stats, indent=1))


def _serve_process(data: str, port: int):
    """`vitalegraph serve` of this tree in its own process; returns it and its query URL once it answers."""
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "vitalegraph", "serve", "--data", data, "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        if line.startswith("Press Ctrl-C"):
            return proc, f"http://127.0.0.1:{port}/query"
    raise SystemExit(f"vitalegraph serve did not start (exit status {proc.wait()})")


if __name__ == "__main__":
    main()
