"""`vitalegraph serve` reaches nowhere: SERVICE is refused before anything leaves the machine.

A listener on 127.0.0.1, started and stopped here, stands where a SERVICE would send its request.
First the test shows that the Oxigraph server behind the guard does call it (so the listener would
see an attempt), then that nothing reaches it through the endpoint: not by GET ?query=, by a POST
form or by an application/sparql-query body, in any spelling of SERVICE.
"""

from __future__ import annotations

import json
import shutil
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not (Path(sys.executable).parent / "oxigraph").is_file() and not shutil.which("oxigraph"),
    reason="the oxigraph server binary is not installed (pip install oxigraph)")


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection and the first bytes sent."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.seen: list[bytes] = []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.seen.append(conn.recv(4096))
                except OSError:
                    self.seen.append(b"")

    def close(self):
        self._stop.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    lst = Listener()
    yield lst
    lst.close()


@pytest.fixture(scope="module")
def guarded(built):
    from vitalegraph.endpoint.serve import free_port, start_server

    trig = next(f for f in built.files if f.suffix == ".trig")
    s = start_server(trig, port=free_port(), timeout=3)
    yield s
    s.stop()
    assert not s.running() and not s.workdir.exists()


def send(url: str, how: str, query: str, accept: str = "application/sparql-results+json",
         extra: dict | None = None) -> tuple[int, str, bytes]:
    """One request of the SPARQL protocol: GET ?query=, a POST form or a sparql-query body."""
    fields = {"query": query, **(extra or {})}
    headers = {"Accept": accept}
    if how == "get":
        req = urllib.request.Request(url + "?" + urllib.parse.urlencode(fields), headers=headers)
    elif how == "form":
        req = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(), headers={
            **headers, "Content-Type": "application/x-www-form-urlencoded"})
    else:
        qs = urllib.parse.urlencode(extra) if extra else ""
        req = urllib.request.Request(url + ("?" + qs if qs else ""), data=query.encode(), headers={
            **headers, "Content-Type": "application/sparql-query"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def spellings(port: int) -> list[str]:
    at = f"http://127.0.0.1:{port}/probe"
    return [
        f"SELECT * WHERE {{ SERVICE <{at}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{at}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SeRvIcE <{at}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE # a comment\n  <{at}> # another\n  {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x ?y ?z #}}\n SERVICE <{at}> {{ ?s ?p ?o }} }}",
        f"PREFIX remote: <http://127.0.0.1:{port}/>\nSELECT * WHERE {{ SERVICE remote:probe {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{at}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s a vg:AdoptionTeam . {{ SELECT ?s WHERE {{ SERVICE <{at}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ ?s a vg:AdoptionTeam OPTIONAL {{ SERVICE silent <{at}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ MINUS {{ SERVICE <{at}> {{ ?s ?p ?o }} }} }} }} }}",
        f"SELECT * WHERE {{ VALUES ?where {{ <{at}> }} SERVICE ?where {{ ?s ?p ?o }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{at}> {{ ?s ?p ?o }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{at}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{at}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{at}> {{ ?s ?p ?o }}",            # broken as well: still refused
    ]


def test_unguarded_oxigraph_would_call_the_listener(guarded, listener):
    """The finding of the issue, shown on the private Oxigraph server: it does send the request."""
    before = len(listener.seen)
    status, _ctype, _body = send(guarded.upstream_url + "/query", "form", spellings(listener.port)[6])
    deadline = time.monotonic() + 5
    while len(listener.seen) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert status == 200                                 # SERVICE SILENT: "success" with no answer
    assert len(listener.seen) > before and listener.seen[-1].startswith(b"POST /probe ")
    del listener.seen[before:]


@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_service_is_refused_and_reaches_nothing(guarded, listener, how):
    for query in spellings(listener.port):
        status, ctype, body = send(guarded.query_url, how, query)
        assert status == 400, (query, status, body)
        assert ctype.startswith("text/plain")
        text = body.decode()
        assert text.count("\n") == 1 and text.startswith("refused: SERVICE"), (query, text)
    time.sleep(0.5)     # anything sent would have arrived by now
    assert listener.seen == []


def test_service_on_other_paths_and_in_prefixed_urls(guarded, listener):
    query = spellings(listener.port)[0]
    for path in ("/", "/sparql", "/query/", "/anything"):
        assert send(guarded.base_url + path, "get", query)[0] == 400
        assert send(guarded.base_url + path, "form", query)[0] == 400
    time.sleep(0.3)
    assert listener.seen == []


def test_from_and_default_graph_uri_do_not_fetch(guarded, listener):
    at = f"http://127.0.0.1:{listener.port}/data"
    status, _c, body = send(guarded.query_url, "get", f"SELECT * FROM <{at}> WHERE {{ ?s ?p ?o }} LIMIT 1")
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    status, _c, body = send(guarded.query_url, "form", "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
                            extra={"default-graph-uri": at})
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    time.sleep(0.3)
    assert listener.seen == []


def test_the_word_in_strings_comments_and_names_is_no_service(guarded):
    for query in ('SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1:9/> {}" AS ?x) }',
                  "SELECT ?service WHERE { BIND(vg:SERVICE AS ?service) } # SERVICE <http://x/> {}"):
        status, _c, body = send(guarded.query_url, "get", query)
        assert status == 200, body
        assert len(json.loads(body)["results"]["bindings"]) == 1


def test_updates_are_refused(guarded):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = json.loads(send(guarded.query_url, "get", count)[2])["results"]["bindings"][0]["n"]["value"]
    insert = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    for how in ("get", "form", "body"):
        status, _c, body = send(guarded.query_url, how, insert)
        assert status == 400 and body.decode().startswith("refused: this is a SPARQL update"), body
    for path, data, ctype, method in (
            ("/update", urllib.parse.urlencode({"update": insert}).encode(), "application/x-www-form-urlencoded", "POST"),
            ("/update", insert.encode(), "application/sparql-update", "POST"),
            ("/query", insert.encode(), "application/sparql-update", "POST"),
            ("/query", urllib.parse.urlencode({"update": insert}).encode(), "application/x-www-form-urlencoded", "POST"),
            ("/store?default", b"<urn:x:a> <urn:x:b> <urn:x:c> .\n", "application/n-triples", "PUT"),
            ("/store?default", b"", "application/n-triples", "DELETE")):
        req = urllib.request.Request(guarded.base_url + path, data=data, method=method, headers={"Content-Type": ctype})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=10)
        assert err.value.code == 403 and err.value.read().decode().startswith("refused: this endpoint is read-only")
    after = json.loads(send(guarded.query_url, "get", count)[2])["results"]["bindings"][0]["n"]["value"]
    assert before == after


def test_predeclared_prefixes_and_readable_errors_on_the_endpoint(guarded):
    query = "SELECT ?name WHERE { person:annet-bertram foaf:name ?name }"
    for how in ("get", "form", "body"):
        status, _c, body = send(guarded.query_url, how, query, accept="text/csv")
        assert status == 200 and body == b"name\r\nAnnet Bertram\r\n"
    mine = "PREFIX person: <http://example.org/other/> SELECT ?x WHERE { BIND(person:a AS ?x) }"
    assert b"http://example.org/other/a" in send(guarded.query_url, "get", mine)[2]
    status, _c, body = send(guarded.query_url, "get", "SELECT * WHERE { persn:annet-bertram ?p ?o }")
    assert status == 400 and body.decode().startswith(
        "not valid SPARQL at line 1, column 18: unknown prefix 'persn:' (did you mean 'person:'?")
    status, _c, body = send(guarded.query_url, "form", "SELECT ?x WHERE {\n ?x foaf:name }")
    assert status == 400 and body.decode() == (
        "not valid SPARQL at line 2, column 15: expected a variable, an IRI, a literal, a blank node, '(' or '.', "
        "found '}'\n")


def test_remote_cli_route_through_the_guard(guarded):
    from vitalegraph.endpoint.remote import run_remote_query

    table = run_remote_query("SELECT ?name WHERE { person:annet-bertram foaf:name ?name }", guarded.query_url)
    assert table.records() == [{"name": "Annet Bertram"}]


@pytest.mark.parametrize("accept, start", [
    ("application/sparql-results+json", b'{"head"'), ("application/sparql-results+xml", b"<?xml"),
    ("text/csv", b"team\r\n"), ("text/tab-separated-values", b"?team\n")])
def test_content_negotiation_passes_through(guarded, accept, start):
    query = "SELECT ?team WHERE { ?team a vg:AdoptionTeam } ORDER BY ?team"
    status, ctype, body = send(guarded.query_url, "get", query, accept=accept)
    assert status == 200 and ctype.startswith(accept) and body.startswith(start)


def test_graphs_page_and_head(guarded):
    status, ctype, body = send(guarded.query_url, "get", "CONSTRUCT WHERE { ?t a vg:AdoptionTeam }",
                               accept="application/n-triples")
    assert status == 200 and ctype.startswith("application/n-triples") and body.count(b"\n") == 13
    with urllib.request.urlopen(guarded.base_url + "/", timeout=10) as r:
        assert r.status == 200 and b"yasgui" in r.read().lower()
    req = urllib.request.Request(guarded.base_url + "/", method="HEAD")
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 200 and r.read() == b""


def test_a_runaway_query_stops_at_the_time_limit(guarded):
    started = time.monotonic()
    status, ctype, body = send(guarded.query_url, "form",
                               "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    took = time.monotonic() - started
    assert status == 503 and body.decode() == "query stopped after 3 s (this endpoint's time limit); simplify it\n"
    assert 2.5 < took < 10


def test_keep_alive_connection_serves_several_queries(guarded):
    import http.client

    host, port = guarded.bind.rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        for _ in range(3):
            conn.request("GET", "/query?" + urllib.parse.urlencode({"query": "ASK { ?s a vg:AdoptionTeam }"}),
                         headers={"Accept": "application/sparql-results+json"})
            r = conn.getresponse()
            assert r.status == 200 and json.loads(r.read())["boolean"] is True
        conn.request("GET", "/query?" + urllib.parse.urlencode({"query": "ASK { SERVICE <http://x/> {} }"}))
        r = conn.getresponse()
        assert r.status == 400 and r.read().startswith(b"refused: SERVICE")
    finally:
        conn.close()


def test_verdicts_are_kept():
    from vitalegraph.endpoint.guard import inspect_query

    text = "SELECT * WHERE { ?s skos:prefLabel ?o } LIMIT 2"
    first = inspect_query(text)
    assert first.status == 0 and first.text.startswith("PREFIX skos: ")
    hits = inspect_query.cache_info().hits
    assert inspect_query(text) is first and inspect_query.cache_info().hits == hits + 1


def test_concurrent_new_queries_all_pass(guarded):
    """Eight clients at once, each text new to the guard: rdflib's parser is not thread-safe, and a
    verdict spoilt by a concurrent parse would be kept for that text."""
    from vitalegraph.query import named_queries

    texts = [q.text for q in named_queries().values()]
    failures = []

    def client(k):
        for i, text in enumerate(texts):
            status, _c, body = send(guarded.query_url, "form", f"{text}\n# client {k} query {i}\n")
            if status != 200:
                failures.append((status, body[:200]))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    assert failures == []
