"""``vitalegraph push`` into Virtuoso (Debian's ``virtuoso-opensource`` 7.2), and what Virtuoso does
that the named queries are written for.

The server is started by tests/virtuoso.py on 127.0.0.1 on free ports, with its own ``virtuoso.ini``
and database folder in a temporary directory, and stopped at the end of the module. Virtuoso's
Graph Store (``/sparql-graph-crud``) has no default graph to write, and its default graph for
queries is the union of all its graphs, in which a triple that stands in two graphs matches twice
(https://github.com/openlink/virtuoso-opensource/issues/1406); it writes booleans as ``0``/``1``
(https://github.com/openlink/virtuoso-opensource/issues/485). tests/query/test_routes.py compares every
named query's bytes through Virtuoso with the local ones.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from virtuoso import Virtuoso

ROOT = Path(__file__).resolve().parents[2]
GRAPHS = "https://w3id.org/vitalegraph/graph/"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vitalegraph", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def sparql_json(url: str, sparql: str) -> dict:
    """A tiny SPARQL protocol client, independent of the code under test: the store's own answer."""
    data = urllib.parse.urlencode({"query": sparql}).encode()
    req = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


@pytest.fixture(scope="module")
def files(built) -> dict:
    return {f.suffix: f for f in built.files if f.stem == "vitalegraph"}


@pytest.fixture(scope="module")
def virtuoso():
    with Virtuoso() as server:
        yield server
    assert server.process.poll() is not None and not server.root.exists()


def _our_graphs(virtuoso) -> dict:
    rows = sparql_json(virtuoso.query_url, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {b["g"]["value"]: int(b["n"]["value"]) for b in rows["results"]["bindings"]
            if b["g"]["value"].startswith(GRAPHS)}


def test_a_plain_push_stores_the_named_graphs_and_says_what_to_do_about_the_default_graph(virtuoso, files, built):
    done = run_cli("push", "--endpoint", virtuoso.store_url, "--data", str(files[".trig"]))
    assert done.returncode == 3, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "the default graph" in lines[0] and "the 4 named graphs were stored" in lines[0]
    assert "--no-default-graph" in lines[0]
    assert sum(_our_graphs(virtuoso).values()) == built.counts["quads"]


def test_push_with_no_default_graph_fills_the_named_graphs_only(virtuoso, files, built):
    done = run_cli("push", "--endpoint", virtuoso.store_url, "--data", str(files[".trig"]), "--no-default-graph")
    assert done.returncode == 0, done.stderr
    assert f"replaced 4 graphs, {built.counts['quads']} triples" in done.stdout
    assert "?default" not in done.stdout
    graphs = _our_graphs(virtuoso)
    assert len(graphs) == 4 and sum(graphs.values()) == built.counts["quads"]   # PUT replaced, nothing doubled


def test_the_default_graph_is_the_union_and_counts_a_triple_once_per_graph(virtuoso, files, built):
    """Why the named queries use DISTINCT: the quirk the route test guards against, shown."""
    import pyoxigraph as ox

    run_cli("push", "--endpoint", virtuoso.store_url, "--data", str(files[".trig"]), "--no-default-graph")
    quads = list(ox.parse(path=str(files[".trig"]), format=ox.RdfFormat.TRIG))
    in_graphs: dict = {}
    for q in quads:
        in_graphs.setdefault(q.triple, set()).add(q.graph_name)
    triple, graphs = next((t, g) for t, g in in_graphs.items() if len(g) > 1 and isinstance(t.subject, ox.NamedNode)
                          and not isinstance(t.object, ox.BlankNode))
    pattern = f"{triple.subject} {triple.predicate} {triple.object}"
    n = sparql_json(virtuoso.query_url, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    assert int(n["results"]["bindings"][0]["n"]["value"]) == len(graphs) > 1


def test_virtuoso_writes_booleans_as_0_and_1_and_the_query_prints_true_and_false(virtuoso, files):
    run_cli("push", "--endpoint", virtuoso.store_url, "--data", str(files[".trig"]), "--no-default-graph")
    raw = sparql_json(virtuoso.query_url, "SELECT DISTINCT ?b WHERE { ?m <https://w3id.org/vitalegraph/def#isLaterChange> ?b }")
    assert sorted(b["b"]["value"] for b in raw["results"]["bindings"]) == ["0", "1"]
    done = run_cli("query", "members", "--endpoint", virtuoso.query_url, "--format", "json")
    assert done.returncode == 0, done.stderr
    values = {b["laterChange"]["value"] for b in json.loads(done.stdout)["results"]["bindings"]}
    assert values == {"true", "false"}


def test_the_named_queries_stay_the_same_with_the_data_twice_over(virtuoso, files):
    """The TriG's named graphs and, beside them, the .ttl in one graph of its own (--graph): every
    triple stands in two graphs or more, and every named query still gives the local bytes."""
    from vitalegraph.endpoint.remote import run_remote_query
    from vitalegraph.query import load_dataset, named_queries, run_query
    from vitalegraph.query.output import render

    assert run_cli("push", "--endpoint", virtuoso.store_url, "--data", str(files[".trig"]),
                   "--no-default-graph").returncode == 0
    done = run_cli("push", "--endpoint", virtuoso.store_url, "--data", str(files[".ttl"]),
                   "--graph", GRAPHS + "all")
    assert done.returncode == 0, done.stderr
    local = load_dataset(files[".ttl"])
    for name in sorted(named_queries()):
        remote = run_remote_query(name, virtuoso.query_url, timeout=60)
        assert render(remote, "csv") == render(run_query(name, local), "csv"), name

