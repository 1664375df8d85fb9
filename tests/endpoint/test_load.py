"""The endpoint under load: a short, bounded version of benchmarks/load.py (8 clients, 4 seconds)."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import load  # noqa: E402  (benchmarks/load.py)


def test_endpoint_holds_load_and_refuses_updates(built):
    from vitalegraph.endpoint.serve import free_port, start_server

    server = start_server(built.files[1], port=free_port())
    try:
        before = load.count(server.query_url)
        stats = load.run_load(server.query_url, clients=8, seconds=4, update_every=10)
        after = load.count(server.query_url)
    finally:
        server.stop()
    assert stats["requests"] > 100
    assert stats["errors"] == 0, stats["error_samples"]
    assert stats["updates_refused"] > 0 and stats["updates_accepted"] == 0
    assert before == after == built.counts["triples"]   # no update got through: the seed build's own count
