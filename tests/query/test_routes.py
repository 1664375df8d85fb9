"""Every named query gives the same bytes on every route to the data.

The routes: the built ``.ttl`` and ``.trig`` on each local engine (Oxigraph, rdflib); ``vitalegraph
serve`` on either file; and ``vitalegraph push`` into two real writable stores that the tests
start themselves on 127.0.0.1 on free ports and stop: ``oxigraph serve`` (from the ``oxigraph``
package) and Virtuoso (Debian's ``virtuoso-opensource``, tests/virtuoso.py), queried through
``query --endpoint``. For each query, the CSV, the SPARQL JSON and the terminal table of every
route are compared byte for byte with those of the ``.ttl`` on Oxigraph.

Virtuoso's default graph is the union of all its graphs (a triple in two graphs matches twice) and
it writes booleans as ``0``/``1``: the named queries are written so that neither changes a byte.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from virtuoso import Virtuoso

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ("csv", "json", "table")


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vitalegraph", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def _local(data: Path, engine: str):
    from vitalegraph.query import load_dataset, run_query

    dataset = load_dataset(data, engine)
    return lambda name: run_query(name, dataset)


def _remote(url: str):
    from vitalegraph.endpoint.remote import run_remote_query

    return lambda name: run_remote_query(name, url, timeout=60)


def _outputs(run, names) -> dict:
    from vitalegraph.query.output import render

    out = {}
    for name in names:
        table = run(name)
        out[name] = {fmt: render(table, fmt) for fmt in FORMATS}
    return out


@pytest.fixture(scope="module")
def files(built) -> dict:
    """The built dataset by suffix (``built.files`` also holds ``void.ttl``)."""
    return {f.suffix: f for f in built.files if f.stem == "vitalegraph"}


@pytest.fixture(scope="module")
def routes(files) -> dict:
    """route name -> {query name -> {format -> text}}, for every route."""
    from vitalegraph.endpoint.serve import free_port, start_server
    from vitalegraph.query import named_queries

    names = sorted(named_queries())
    out = {}
    for suffix in (".ttl", ".trig"):
        for engine in ("oxigraph", "rdflib"):
            out[f"{suffix[1:]} on {engine}"] = _outputs(_local(files[suffix], engine), names)
    for suffix in (".ttl", ".trig"):
        with start_server(files[suffix], port=free_port()) as server:
            out[f"serve {suffix[1:]}"] = _outputs(_remote(server.query_url), names)
    for suffix in (".trig", ".ttl"):
        with start_server(None, port=free_port(), read_only=False) as store:
            done = _run_cli("push", "--endpoint", store.store_url, "--data", str(files[suffix]))
            assert done.returncode == 0, done.stderr
            out[f"push {suffix[1:]} into oxigraph serve"] = _outputs(_remote(store.query_url), names)
    with _union_oxigraph() as base_url:
        # the harshest case: every triple in a named graph and in the default graph, and the
        # query's default graph their union (each triple matches at least twice)
        done = _run_cli("push", "--endpoint", base_url + "/store", "--data", str(files[".trig"]))
        assert done.returncode == 0, done.stderr
        out["push trig into oxigraph serve --union-default-graph"] = _outputs(_remote(base_url + "/query"), names)
    started = time.monotonic()
    with Virtuoso() as virtuoso:
        done = _run_cli("push", "--endpoint", virtuoso.store_url, "--data", str(files[".trig"]), "--no-default-graph")
        assert done.returncode == 0, done.stderr
        out["push trig into Virtuoso"] = _outputs(_remote(virtuoso.query_url), names)
    print(f"Virtuoso route: {time.monotonic() - started:.1f} s (start-up {virtuoso.startup_seconds:.1f} s)")
    return out


@contextlib.contextmanager
def _union_oxigraph():
    """A writable in-memory ``oxigraph serve --union-default-graph`` on a free port; its base URL."""
    from vitalegraph.endpoint.serve import Server, _wait_until_up, find_oxigraph, free_port

    port, workdir = free_port(), Path(tempfile.mkdtemp(prefix="vg-union-"))
    log = workdir / "server.log"
    with open(log, "wb") as fh:
        process = subprocess.Popen([find_oxigraph(), "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                   stdin=subprocess.DEVNULL, stdout=fh, stderr=fh)
    server = Server(process, f"http://127.0.0.1:{port}", False, None, workdir)
    try:
        _wait_until_up(server, log, 30)
        yield server.base_url
    finally:
        server.stop()


def test_every_named_query_gives_the_same_bytes_on_every_route(routes):
    reference_name = "ttl on oxigraph"
    reference = routes[reference_name]
    by_route = {}
    for route, results in routes.items():
        for name, outputs in results.items():
            formats = [fmt for fmt in FORMATS if outputs[fmt] != reference[name][fmt]]
            if formats:
                by_route.setdefault(route, []).append(f"{name} ({'/'.join(formats)})")
    differ = {q.split(" ")[0] for names in by_route.values() for q in names}
    report = "; ".join(f"{route}: {len(names)} ({', '.join(names)})" for route, names in by_route.items())
    assert not differ, (f"{len(differ)} of {len(reference)} named queries differ from {reference_name} "
                        f"on some route; by route: {report}")


def test_the_routes_answer_at_all(routes):
    """Equal bytes must not be equal emptiness: every named query has rows on the reference route."""
    for name, outputs in routes["ttl on oxigraph"].items():
        assert "(0 rows)" not in outputs["table"], name


def test_lists_inside_a_cell_are_sorted_and_each_entry_once(files):
    """Every GROUP_CONCAT column: its entries in code-point order, none twice (README, Querying)."""
    import re

    from vitalegraph.query import load_dataset, named_queries, run_query

    dataset = load_dataset(files[".ttl"])
    checked = 0
    for name, query in sorted(named_queries().items()):
        for sep, column in re.findall(r'GROUP_CONCAT\(\?\w+; separator="([^"]+)"\) AS \?(\w+)\)', query.text):
            table = run_query(name, dataset)
            if column not in table.columns:
                continue   # an inner list, inside the entries of another
            for cell in (row[table.columns.index(column)] for row in table.rows):
                if cell is not None:
                    entries = cell.value.split(sep)
                    assert entries == sorted(set(entries)), (name, column, cell.value)
                    assert cell.lang is None and cell.datatype is None, (name, column)
                    checked += 1
    assert checked > 50
