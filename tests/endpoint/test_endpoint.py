"""The SPARQL endpoint (``vitalegraph serve``), remote queries (``query --endpoint``) and ``push``.

Every server here is started by the test itself, on 127.0.0.1 and a free port, and always stopped.
Local results (Oxigraph in-process on ``vitalegraph.ttl``) and remote results (the Oxigraph server
on ``vitalegraph.trig``) are compared row for row. GROUP_CONCAT has no defined order, and the two
stores do list the parts in different orders, so those cells are compared as sets of their
``"; "``-separated parts.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEAMS_GRAPH = "https://w3id.org/vitalegraph/graph/004_157f315819f9f14b"

pytestmark = pytest.mark.skipif(
    not (Path(sys.executable).parent / "oxigraph").is_file() and not __import__("shutil").which("oxigraph"),
    reason="the oxigraph server binary is not installed (pip install oxigraph)")


# ---------------------------------------------------------------- helpers
def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """``python -m vitalegraph ARGS`` in the project folder."""
    return subprocess.run([sys.executable, "-m", "vitalegraph", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def assert_one_line_error(done: subprocess.CompletedProcess, status: int, *needles: str) -> str:
    assert done.returncode == status, (done.returncode, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert lines[0].startswith("vitalegraph: error: ")
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def sparql_json(url: str, sparql: str) -> dict:
    """A tiny SPARQL protocol client (POST, JSON results), independent of the code under test."""
    data = urllib.parse.urlencode({"query": sparql}).encode()
    req = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def count(url: str, pattern: str = "?s ?p ?o") -> int:
    return int(sparql_json(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")["results"]["bindings"][0]["n"]["value"])


def group_concat_columns(sparql: str) -> set[str]:
    return set(re.findall(r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*\)\s*AS\s*\?(\w+)", sparql, re.IGNORECASE))


def normalised(table, concat: set[str]) -> list[tuple]:
    rows = []
    for row in table.rows:
        cells = []
        for col, cell in zip(table.columns, row):
            if cell is None:
                cells.append(None)
            elif col in concat:
                cells.append((cell.kind, tuple(sorted(cell.value.split("; "))), cell.datatype, cell.lang))
            else:
                cells.append((cell.kind, cell.value, cell.datatype, cell.lang))
        rows.append(tuple(cells))
    return rows


# ---------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def trig(built) -> Path:
    return next(f for f in built.files if f.suffix == ".trig")


@pytest.fixture(scope="module")
def ttl(built) -> Path:
    return next(f for f in built.files if f.suffix == ".ttl")


@pytest.fixture(scope="module")
def server(trig):
    """The read-only endpoint on the built TriG, through the Python API."""
    from vitalegraph.endpoint.serve import free_port, start_server

    s = start_server(trig, port=free_port())
    yield s
    s.stop()
    assert not s.running() and not s.workdir.exists()


@pytest.fixture
def writable():
    """An empty writable Oxigraph server (the target of push)."""
    from vitalegraph.endpoint.serve import free_port, start_server

    s = start_server(None, port=free_port(), read_only=False)
    yield s
    s.stop()


class _Fake:
    """A tiny local HTTP server that answers every request the same bad way."""

    def __init__(self, mode: str):
        mode_ = mode

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                if mode_ == "500":
                    body = b"internal trouble\nsecond line"
                    self.send_response(500)
                    self.send_header("Content-Type", "text/plain")
                elif mode_ == "malformed":
                    body = b'{"head": {"vars": ["x"]}, "results": {"bindings": [ {"x": '
                    self.send_response(200)
                    self.send_header("Content-Type", "application/sparql-results+json")
                elif mode_ == "close":      # hang up without an answer
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                elif mode_ == "html":
                    body = b"<!DOCTYPE html><html><body>a web page</body></html>"
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                else:  # slow
                    time.sleep(3)
                    body = b'{"head": {"vars": []}, "results": {"bindings": []}}'
                    self.send_response(200)
                    self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    pass

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, *args):  # keep the test output clean
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/query"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def fake(request):
    f = _Fake(request.param)
    yield f
    f.close()


# ---------------------------------------------------------------- the endpoint answers like local queries
def test_server_is_up_and_default_graph_is_the_merged_graph(server, built):
    assert server.running()
    assert server.counts == {"quads": built.counts["quads"], "triples": built.counts["triples"], "graphs": 4}
    assert count(server.query_url) == built.counts["triples"]


def _named():
    from vitalegraph.query import named_queries

    return sorted(named_queries())


@pytest.mark.parametrize("name", _named())
def test_named_query_remote_equals_local(name, server, dataset):
    from vitalegraph.query import named_queries, run_query
    from vitalegraph.endpoint.remote import run_remote_query

    local = run_query(name, dataset)
    remote = run_remote_query(name, server.query_url, timeout=30)
    assert remote.columns == local.columns
    assert remote.boolean == local.boolean
    assert len(remote.rows) == len(local.rows) > 0
    text = named_queries()[name].text
    concat = group_concat_columns(text)
    a, b = normalised(local, concat), normalised(remote, concat)
    if re.search(r"\bORDER\s+BY\b", text, re.IGNORECASE):
        assert b == a
    else:
        assert sorted(b, key=repr) == sorted(a, key=repr)


def test_named_query_output_identical_in_every_format(server, ttl):
    for fmt in ("table", "csv", "json"):
        local = run_cli("query", "teams", "--data", str(ttl), "--format", fmt)
        remote = run_cli("query", "teams", "--endpoint", server.query_url, "--format", fmt)
        assert local.returncode == remote.returncode == 0, remote.stderr
        assert remote.stdout == local.stdout


def test_named_graph_holds_the_13_teams(server):
    rows = sparql_json(server.query_url, "SELECT ?team WHERE { GRAPH <%s> { ?team a "
                                         "<https://w3id.org/vitalegraph/def#AdoptionTeam> } }" % TEAMS_GRAPH)
    assert len(rows["results"]["bindings"]) == 13


def test_ask_and_construct_remote(server):
    from vitalegraph.endpoint.remote import run_remote_query

    assert run_remote_query("ASK { ?s a <https://w3id.org/vitalegraph/def#AdoptionTeam> }", server.query_url).boolean is True
    table = run_remote_query("CONSTRUCT { ?t a <https://w3id.org/vitalegraph/def#AdoptionTeam> } WHERE "
                             "{ ?t a <https://w3id.org/vitalegraph/def#AdoptionTeam> }", server.query_url)
    assert table.columns == ["subject", "predicate", "object"] and len(table.rows) == 13


def test_update_is_refused_by_the_server(server, built):
    before = count(server.query_url)
    for path, body, ctype in (
            ("/update", urllib.parse.urlencode({"update": "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"}).encode(),
             "application/x-www-form-urlencoded"),
            ("/update", b"INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }", "application/sparql-update"),
            ("/store?default", b"<urn:x:a> <urn:x:b> <urn:x:c> .\n", "application/n-triples")):
        req = urllib.request.Request(server.base_url + path, data=body, headers={"Content-Type": ctype}, method="POST")
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=10)
        assert err.value.code == 403
    assert count(server.query_url) == before == built.counts["triples"]


def test_update_is_refused_before_sending(server):
    done = run_cli("query", "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }", "--endpoint", server.query_url)
    assert_one_line_error(done, 2, "refused: INSERT")


# ---------------------------------------------------------------- vitalegraph serve, as a user runs it
def test_serve_command_prints_the_endpoint_and_stops_cleanly_on_ctrl_c(trig):
    from vitalegraph.endpoint.serve import free_port

    port = free_port()
    tmp = Path(tempfile.gettempdir())
    before = set(tmp.glob("vitalegraph-serve-*"))
    proc = subprocess.Popen([sys.executable, "-m", "vitalegraph", "serve", "--data", str(trig), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("Press Ctrl-C"):
                break
        banner = "".join(lines)
        url = f"http://127.0.0.1:{port}/query"
        assert f"endpoint    {url}" in banner, banner
        assert "curl " in banner and "SPARQLWrapper" in banner
        workdirs = set(tmp.glob("vitalegraph-serve-*")) - before
        assert len(workdirs) == 1
        # the printed curl command works as printed
        curl_line = next(ln.strip() for ln in lines if ln.strip().startswith("curl "))
        if __import__("shutil").which("curl"):
            out = subprocess.run(curl_line, shell=True, capture_output=True, text=True, timeout=30)
            assert out.returncode == 0 and len(out.stdout.strip().splitlines()) == 14, out.stdout
        py_line = next(ln.strip() for ln in lines if ln.strip().startswith("python3 -c "))
        out = subprocess.run(py_line.replace("python3", f"'{sys.executable}'", 1), shell=True, capture_output=True,
                             text=True, timeout=30)
        assert out.stdout.strip() == "13 teams", out.stderr
        assert count(url) > 0
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
    assert not any(p.exists() for p in workdirs)


def test_serve_on_a_busy_port_fails_in_one_line(server, trig):
    port = server.base_url.rsplit(":", 1)[1]
    assert_one_line_error(run_cli("serve", "--data", str(trig), "--port", port), 3, port)


def test_serve_without_data_fails_in_one_line(tmp_path):
    assert_one_line_error(run_cli("serve", "--data", str(tmp_path / "missing.trig"), "--port", "1"), 2,
                          "missing.trig", "vitalegraph build")


def test_serve_with_a_broken_data_file_fails_in_one_line(tmp_path):
    from vitalegraph.endpoint.serve import free_port

    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    assert_one_line_error(run_cli("serve", "--data", str(bad), "--port", str(free_port())), 2, "bad.ttl")


# ---------------------------------------------------------------- push
def _store_quads(s) -> set:
    import pyoxigraph as ox

    req = urllib.request.Request(s.store_url, headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return set(ox.parse(r.read(), format=ox.RdfFormat.N_QUADS))


def test_push_copies_the_dataset_graph_by_graph(writable, trig, built):
    import pyoxigraph as ox
    import rdflib
    from rdflib.compare import isomorphic

    done = run_cli("push", "--endpoint", writable.store_url, "--data", str(trig))
    assert done.returncode == 0, done.stderr
    # the 4 named graphs, then the default graph with their merged triples (as `serve` has them)
    assert f"5 graphs, {built.counts['quads'] + built.counts['triples']} triples" in done.stdout
    source = set(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
    everything = _store_quads(writable)
    pushed = {q for q in everything if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert len(pushed) == len(source) == built.counts["quads"]
    assert count(writable.query_url, "GRAPH ?g { ?s ?p ?o }") == built.counts["quads"]
    assert pushed == source
    assert {q.triple for q in everything - pushed} == {q.triple for q in source}
    assert count(writable.query_url) == built.counts["triples"]
    for graph in {q.graph_name for q in source}:
        a, b = rdflib.Graph(), rdflib.Graph()
        a.parse(data=ox.serialize([q.triple for q in source if q.graph_name == graph],
                                  format=ox.RdfFormat.N_TRIPLES), format="nt")
        b.parse(data=ox.serialize([q.triple for q in pushed if q.graph_name == graph],
                                  format=ox.RdfFormat.N_TRIPLES), format="nt")
        assert isomorphic(a, b)
    # pushing again replaces (PUT), it does not double
    assert run_cli("push", "--endpoint", writable.store_url, "--data", str(trig)).returncode == 0
    assert len(_store_quads(writable)) == built.counts["quads"] + built.counts["triples"]


def test_push_into_one_graph(writable, ttl, built):
    from vitalegraph.endpoint.remote import push_dataset

    result = push_dataset(ttl, writable.store_url, graph="https://example.org/graph/all")
    assert result["triples"] == built.counts["triples"] and result["graphs"] == 1
    assert count(writable.query_url, "GRAPH <https://example.org/graph/all> { ?s ?p ?o }") == built.counts["triples"]


def test_push_to_a_read_only_server_fails_in_one_line(server, trig):
    assert_one_line_error(run_cli("push", "--endpoint", server.store_url, "--data", str(trig)), 3,
                          server.store_url, "HTTP 403")


def test_push_to_nothing_fails_in_one_line(trig):
    from vitalegraph.endpoint.serve import free_port

    url = f"http://127.0.0.1:{free_port()}/store"
    assert_one_line_error(run_cli("push", "--endpoint", url, "--data", str(trig)), 3, url)


# ---------------------------------------------------------------- remote errors: exit 3, one line
def test_nothing_listens(ttl):
    from vitalegraph.endpoint.serve import free_port

    url = f"http://127.0.0.1:{free_port()}/query"
    assert_one_line_error(run_cli("query", "teams", "--endpoint", url, "--timeout", "5"), 3, url, "cannot reach")


@pytest.mark.parametrize("fake", ["500"], indirect=True)
def test_http_500(fake):
    line = assert_one_line_error(run_cli("query", "teams", "--endpoint", fake.url), 3, fake.url, "HTTP 500")
    assert "internal trouble second line" in line


@pytest.mark.parametrize("fake", ["malformed"], indirect=True)
def test_malformed_json(fake):
    assert_one_line_error(run_cli("query", "teams", "--endpoint", fake.url), 3, fake.url, "malformed")


@pytest.mark.parametrize("fake", ["close"], indirect=True)
def test_server_that_closes_the_connection(fake):
    r = run_cli("query", "teams", "--endpoint", fake.url)
    assert r.returncode == 3 and fake.url in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


@pytest.mark.parametrize("fake", ["html"], indirect=True)
def test_a_web_page_instead_of_results(fake):
    assert_one_line_error(run_cli("query", "teams", "--endpoint", fake.url), 3, fake.url, "malformed", "/query")


@pytest.mark.parametrize("fake", ["slow"], indirect=True)
def test_timeout(fake):
    started = time.monotonic()
    done = run_cli("query", "teams", "--endpoint", fake.url, "--timeout", "1")
    assert time.monotonic() - started < 10
    assert_one_line_error(done, 3, fake.url, "within 1 s")


@pytest.mark.parametrize("fake", ["slow"], indirect=True)
def test_timeout_api_accepts_fractions(fake):
    from vitalegraph.errors import EndpointError
    from vitalegraph.endpoint.remote import run_remote_query

    started = time.monotonic()
    with pytest.raises(EndpointError, match="within 0.5 s"):
        run_remote_query("teams", fake.url, timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_bad_endpoint_url_and_timeout_are_option_errors():
    assert_one_line_error(run_cli("query", "teams", "--endpoint", "localhost:7878"), 2, "localhost:7878")
    done = run_cli("query", "teams", "--endpoint", "http://127.0.0.1:9/query", "--timeout", "0")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_query_help_lists_the_new_options():
    done = run_cli("query", "--help")
    assert "--endpoint URL" in done.stdout and "--timeout SECONDS" in done.stdout
    for command in ("serve", "push", "export", "describe"):
        done = run_cli(command, "--help")
        assert done.returncode == 0 and "Example:" in done.stdout
