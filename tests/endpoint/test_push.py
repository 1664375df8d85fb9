"""``vitalegraph push``: what lands in which graph, so that the named queries answer through
``--endpoint`` as they do locally.

The stores are started here on 127.0.0.1 on free ports and always stopped: ``oxigraph serve``
(a default graph of its own) and a tiny fake store that refuses a default graph the way Virtuoso
does (it answers before reading the body and closes the connection). Virtuoso itself is in
tests/endpoint/test_virtuoso.py.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vitalegraph", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def files(built) -> dict:
    return {f.suffix: f for f in built.files if f.stem == "vitalegraph"}


@pytest.fixture
def writable():
    from vitalegraph.endpoint.serve import free_port, start_server

    with start_server(None, port=free_port(), read_only=False) as server:
        yield server


def _graph_sizes(server) -> dict:
    import pyoxigraph as ox

    req = urllib.request.Request(server.store_url, headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(req, timeout=30) as r:
        quads = list(ox.parse(r.read(), format=ox.RdfFormat.N_QUADS))
    sizes: dict = {}
    for q in quads:
        key = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        sizes[key] = sizes.get(key, 0) + 1
    return sizes


def test_after_a_push_the_named_queries_answer_as_locally(writable, files):
    assert run_cli("push", "--endpoint", writable.store_url, "--data", str(files[".trig"])).returncode == 0
    for name in ("teams", "members"):
        remote = run_cli("query", name, "--endpoint", writable.query_url, "--format", "csv")
        local = run_cli("query", name, "--data", str(files[".ttl"]), "--format", "csv")
        assert remote.returncode == 0, remote.stderr
        assert remote.stdout == local.stdout and local.stdout.count("\n") > 10, name


def test_the_default_graph_gets_the_merged_triples_each_once(writable, files, built):
    done = run_cli("push", "--endpoint", writable.store_url, "--data", str(files[".trig"]))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].split()[0].endswith("?default")   # the named graphs first
    sizes = _graph_sizes(writable)
    assert sizes.pop(None) == built.counts["triples"]
    assert len(sizes) == 4 and sum(sizes.values()) == built.counts["quads"]


def test_no_default_graph_sends_the_named_graphs_only(writable, files, built):
    done = run_cli("push", "--endpoint", writable.store_url, "--data", str(files[".trig"]), "--no-default-graph")
    assert done.returncode == 0, done.stderr
    assert f"replaced 4 graphs, {built.counts['quads']} triples" in done.stdout
    sizes = _graph_sizes(writable)
    assert None not in sizes and sum(sizes.values()) == built.counts["quads"]


def test_a_ttl_with_no_default_graph_is_refused_before_anything_is_sent(files):
    done = run_cli("push", "--endpoint", "http://127.0.0.1:9/store", "--data", str(files[".ttl"]),
                   "--no-default-graph")
    assert done.returncode == 2, done.stderr
    assert "--graph" in done.stderr and len(done.stderr.splitlines()) == 1


class _NoDefaultGraph:
    """A fake Graph Store that takes named graphs and refuses ``?default`` as Virtuoso does: an
    HTML error page sent before the body is read, then the connection closed."""

    def __init__(self):
        class Handler(BaseHTTPRequestHandler):
            def do_PUT(self):
                if "default" in self.path:
                    body = (b"<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\"><html><head><title>failed"
                            b"</title></head><body><h1>HTTP/1.1 500 Request Failed</h1><xmp>the endpoint is not "
                            b"configured to have default graph</xmp></body></html>")
                    self.send_response(500, "Request Failed")
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(body)))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body)
                    self.close_connection = True
                    return
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(201)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql-graph-crud"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_store_without_a_default_graph_gets_its_own_words_and_what_to_do(files):
    fake = _NoDefaultGraph()
    try:
        done = run_cli("push", "--endpoint", fake.url, "--data", str(files[".trig"]))
    finally:
        fake.stop()
    assert done.returncode == 3, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert "HTTP 500 Request Failed to the PUT of the default graph" in lines[0]
    assert "not configured to have default graph" in lines[0] and "<" not in lines[0]
    assert "the 4 named graphs were stored" in lines[0] and "--no-default-graph" in lines[0]
