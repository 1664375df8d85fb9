"""The guard in front of ``vitalegraph serve``: an endpoint that reaches nowhere.

The Oxigraph server runs every ``SERVICE <...>`` it is given (it sends the request itself, to any
address, and a failing SERVICE still answers HTTP 200 with a cut-off body), and it has no switch to
turn that off. So ``vitalegraph serve`` runs the Oxigraph server on 127.0.0.1 on a private port and
puts this small threaded HTTP front (the standard library's ``ThreadingHTTPServer``) on the public
host and port. For every request the front:

* takes each query out of it (``GET ?query=``, a form-encoded ``POST`` or an
  ``application/sparql-query`` body) and parses it with a real SPARQL parser (rdflib's), then walks
  the parse tree: a ``SERVICE`` anywhere in it (any spelling: case, comments, prefixed names,
  ``SILENT``, ``\\u`` escapes, inside subqueries, OPTIONAL, UNION, GRAPH, ...) is refused with HTTP 400
  and one line; so is the word SERVICE outside strings, IRIs and comments (a second net, should the
  two parsers ever read a text differently), and a text that does not parse (nothing is forwarded
  that the guard could not read);
* refuses updates: an ``update`` parameter, an ``application/sparql-update`` body or any write to
  ``/update`` or ``/store`` is HTTP 403 (the Oxigraph server is read-only as well); an update text
  sent as a query is HTTP 400;
* adds the ``PREFIX`` lines of the predeclared prefixes the query uses (``person:``, ``vg:``, ...);
* forwards the rest, headers and all (``Accept`` negotiation, the YASGUI page at ``/``, the Graph
  Store ``GET``), and answers with the server's answer read whole, so that a query that runs past
  the time limit is HTTP 503 with one line, never a 200 with a cut-off body.

The verdict on a query text is kept (LRU, 1,024 texts): rdflib's parser takes 10-50 ms a query, and
an endpoint is sent the same texts again and again.

Examples
--------
>>> inspect_query("SELECT * WHERE { SeRvIcE <http://127.0.0.1:9/> { ?s ?p ?o } }").status
400
>>> print(inspect_query("ASK { person:annet-bertram ?p ?o }").text)
PREFIX person: <https://w3id.org/vitalegraph/id/person/>
ASK { person:annet-bertram ?p ?o }
"""

from __future__ import annotations

import functools
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple

__all__ = ["Verdict", "inspect_query", "Front", "start_front", "MAX_BODY"]

#: the largest request body accepted (a query text or a form), in bytes
MAX_BODY = 1 << 22
#: answers up to this size are read whole before they are sent; a larger one is streamed
_BUFFER = 1 << 26
_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers",
        "transfer-encoding", "upgrade", "content-length", "host"}
_SERVICE_WORD = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:.\-])", re.IGNORECASE)
# what the Oxigraph server writes into an answer it has already begun when its --timeout-s fires
# (the status line is sent by then: oxigraph/oxigraph#1874 describes the error going into the body)
_CANCELLED = b"The SPARQL operation has been cancelled"


# rdflib's SPARQL parser is pyparsing's, which is not thread-safe (RDFLib/rdflib#1282,
# pyparsing/pyparsing#89): two threads parsing at once can fail a valid query or misread it. The
# front's threads parse one at a time (parsing holds the interpreter anyway, so nothing is lost).
_PARSING = threading.Lock()


class Verdict(NamedTuple):
    """What the guard does with a query: forward *text* (status 0) or answer *status* with *message*."""

    status: int
    message: str = ""
    text: str = ""


def _walk(node):
    """Every node of an rdflib parse tree (CompValue, ParseResults, lists), depth first."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, dict):
            stack.extend(n.values())
        elif isinstance(n, (list, tuple)) or type(n).__name__ == "ParseResults":
            stack.extend(n)


def _service_refusal(text: str, offset: int | None) -> Verdict:
    from ..query.sparql import _line_col

    where = ""
    if offset is not None:
        line, col = _line_col(text, offset)
        where = f" (line {line}, column {col})"
    return Verdict(400, f"refused: SERVICE{where} would make this endpoint send a request to another server; "
                        "it answers only from its own dataset")


def _syntax_refusal(text: str, exc: BaseException) -> Verdict:
    """The 400 for a text rdflib's parser could not read, worded as ``vitalegraph query`` words it."""
    from ..errors import QueryError
    from ..query.sparql import _blanked, check_read_only, diagnose

    try:
        check_read_only(text)   # SERVICE or an update anywhere: refused, and Oxigraph never sees it
    except QueryError as refused:
        message = str(refused)
        if message.startswith("refused: SERVICE"):
            word = _SERVICE_WORD.search(_blanked(text))
            return _service_refusal(text, word.start() if word else None)
        if message.startswith("refused: "):
            return Verdict(400, message.replace("vitalegraph query only reads", "this endpoint only answers queries"))
        return Verdict(400, message)
    return Verdict(400, str(diagnose(text, " ".join(str(exc).split()))))


@functools.lru_cache(maxsize=1024)
def inspect_query(text: str) -> Verdict:
    """The guard's verdict on one query text (see the module's description).

    Parameters
    ----------
    text : str
        The query as the client sent it.

    Returns
    -------
    Verdict
        ``status`` 0 and the text to forward (with the PREFIX lines it needs), or 400 and a one-line
        ``message``.
    """
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    from ..query.sparql import PREDECLARED, _blanked, _expand_escapes, syntax_error, with_prefixes

    try:
        with _PARSING:
            tree = parseQuery(text)
    except Exception as exc:  # noqa: BLE001 - pyparsing and rdflib raise many kinds
        try:
            with _PARSING:
                parseUpdate(text)
        except Exception:  # noqa: BLE001
            return _syntax_refusal(text, exc)
        return Verdict(400, "refused: this is a SPARQL update; this endpoint is read-only and only answers "
                            "queries (SELECT, ASK, CONSTRUCT, DESCRIBE)")
    used, own, service = set(), set(), False
    for node in _walk(tree):
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            service = True
            break
        if name == "pname":
            used.add(node.get("prefix") or "")
        elif name == "PrefixDecl":
            own.add(node.get("prefix") or "")
    word = _SERVICE_WORD.search(_blanked(text))
    escaped = word is None and _SERVICE_WORD.search(_blanked(_expand_escapes(text)))
    if service or word or escaped:
        return _service_refusal(text, word.start() if word else None)
    if used - own - set(PREDECLARED):
        return Verdict(400, str(syntax_error(text)))
    return Verdict(0, "", with_prefixes(text, used, own))


class _Refused(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "VitaleGraph-guard"
    server: "Front"

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name; no log on stderr
        pass

    def do_GET(self):
        self._serve()

    do_HEAD = do_OPTIONS = do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    # ------------------------------------------------------------ the request
    def _serve(self) -> None:
        try:
            method, path, body, headers = self._checked()
        except _Refused as refused:
            self._answer(refused.status, refused.message)
            return
        self._forward(method, path, body, headers)

    def _checked(self) -> tuple[str, str, bytes, list]:
        from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

        method = self.command
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise _Refused(411, "send the request body with a Content-Length")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.close_connection = True
            raise _Refused(400, "Content-Length is not a number") from None
        if length > MAX_BODY:
            self.close_connection = True
            raise _Refused(413, f"the request body is larger than {MAX_BODY} bytes")
        body = self.rfile.read(length) if length > 0 else b""
        url = urlsplit(self.path)
        if method not in ("GET", "HEAD", "OPTIONS", "POST") or (
                method == "POST" and (url.path.rstrip("/") == "/update" or url.path.startswith("/store"))):
            raise _Refused(403, "refused: this endpoint is read-only; it does not accept updates or writes")
        try:
            params = parse_qsl(url.query, keep_blank_values=True, strict_parsing=False, errors="strict")
            ctype = self.headers.get_content_type() if method == "POST" else ""
            form = None
            if ctype == "application/x-www-form-urlencoded":
                form = parse_qsl(body.decode("utf-8"), keep_blank_values=True, errors="strict")
            elif ctype == "application/sparql-update":
                raise _Refused(403, "refused: this endpoint is read-only; it does not accept updates")
            elif method == "POST" and ctype != "application/sparql-query":
                raise _Refused(415, "send a query as query=... (GET or a form POST) or as an "
                                    "application/sparql-query body")
            body_query = body.decode("utf-8") if ctype == "application/sparql-query" else None
        except UnicodeDecodeError:
            raise _Refused(400, "the query is not UTF-8") from None
        fields = params + (form or [])
        if any(k == "update" for k, _v in fields):
            raise _Refused(403, "refused: this endpoint is read-only; it does not accept updates")
        queries = [v for k, v in fields if k == "query"] + ([body_query] if body_query is not None else [])
        if len(queries) > 1:
            raise _Refused(400, "one query per request, please")
        if method == "POST" and not queries:
            raise _Refused(400, "no query: send query=... or an application/sparql-query body")
        if queries:
            verdict = inspect_query(queries[0])
            if verdict.status:
                raise _Refused(verdict.status, verdict.message)

            def swap(pairs):
                return [(k, verdict.text if k == "query" else v) for k, v in pairs]

            params = swap(params)
            if form is not None:
                body = urlencode(swap(form)).encode("ascii")
            elif body_query is not None:
                body = verdict.text.encode("utf-8")
        path = urlunsplit(("", "", url.path or "/", urlencode(params) if params else "", ""))
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in _HOP]
        return method, path, body, headers

    # ------------------------------------------------------------ the answer
    def _answer(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _forward(self, method: str, path: str, body: bytes, headers: list) -> None:
        import http.client

        limit = self.server.query_timeout
        deadline = time.monotonic() + limit
        stopped = f"query stopped after {limit:g} s (this endpoint's time limit); simplify it"
        conn = http.client.HTTPConnection(*self.server.upstream, timeout=limit)
        try:
            try:
                conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
                conn.putheader("Host", self.headers.get("Host") or "%s:%d" % self.server.upstream)
                for k, v in headers:
                    conn.putheader(k, v)
                if body or method == "POST":
                    conn.putheader("Content-Length", str(len(body)))
                conn.endheaders(body or None)
                response = conn.getresponse()
                chunks, size = [], 0
                while size <= _BUFFER:
                    conn.sock.settimeout(max(0.05, deadline - time.monotonic()))
                    chunk = response.read(1 << 16)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
                    if time.monotonic() > deadline:
                        raise socket.timeout
            except (socket.timeout, TimeoutError):
                self._answer(503, stopped)
                return
            except (OSError, http.client.HTTPException):
                self._answer(502, "the query engine behind this endpoint did not answer; try again")
                return
            data = b"".join(chunks)
            if response.status == 200 and data.rstrip().endswith(_CANCELLED):
                self._answer(503, stopped)
                return
            self.send_response(response.status, response.reason)
            for k, v in response.getheaders():
                if k.lower() not in _HOP:
                    self.send_header(k, v)
            streamed = size > _BUFFER
            if method == "HEAD" and response.getheader("Content-Length"):
                self.send_header("Content-Length", response.getheader("Content-Length"))
            elif streamed:
                self.send_header("Transfer-Encoding", "chunked")
            else:
                self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if method == "HEAD":
                return
            if not streamed:
                self.wfile.write(data)
                return
            self._stream(data, response)
        finally:
            conn.close()

    def _stream(self, first: bytes, response) -> None:
        """A large answer, chunk by chunk; a failure mid-way ends the connection without the last
        chunk, so the client sees a broken answer rather than a short one."""
        import http.client

        try:
            chunk = first
            while chunk:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                chunk = response.read(1 << 16)
            self.wfile.write(b"0\r\n\r\n")
        except (OSError, http.client.HTTPException):
            self.close_connection = True


class Front(ThreadingHTTPServer):
    """The guard's HTTP server; :func:`start_front` starts it in a thread, :meth:`stop` stops it."""

    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True

    def __init__(self, address, upstream: tuple[str, int], query_timeout: float, cors: bool = False):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.upstream, self.query_timeout, self.cors = upstream, query_timeout, cors
        super().__init__(address, _Handler)
        self.thread: threading.Thread | None = None

    def alive(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def stop(self) -> None:
        """Stop serving and close the socket; safe to call more than once."""
        if self.alive():
            self.shutdown()
            self.thread.join(5)
        self.server_close()


def start_front(host: str, port: int, upstream: tuple[str, int], query_timeout: float, cors: bool = False) -> Front:
    """Listen on *host*:*port* and guard the SPARQL server at *upstream* (see the module's description).

    Returns
    -------
    Front
        Serving in a daemon thread; call :meth:`Front.stop`.
    """
    front = Front((host, port), upstream, query_timeout, cors)
    front.thread = threading.Thread(target=front.serve_forever, kwargs={"poll_interval": 0.2},
                                    name="vitalegraph-guard", daemon=True)
    front.thread.start()
    return front
