"""Remote stores: queries on any SPARQL endpoint, and pushing the dataset into any Graph Store.

:func:`run_remote_query` sends a named query, a ``.rq`` file or SPARQL text to any SPARQL 1.1
endpoint (through SPARQLWrapper) and returns a :class:`vitalegraph.output.Table`, so that
``vitalegraph query NAME --endpoint URL`` prints exactly what ``vitalegraph query NAME`` prints on
the same data. Updates and ``SERVICE`` are refused before anything is sent, as for local queries.

An unreachable endpoint, a time-out, an HTTP error or a malformed answer raises
:class:`~vitalegraph.errors.EndpointError` (exit status 3) with a one-line message that names the
URL and, where there is one, the HTTP status.

:func:`push_dataset` loads a dataset file into any store that speaks the SPARQL 1.1 Graph Store
HTTP Protocol (``PUT``/``POST`` of N-Triples to ``URL?graph=IRI`` or ``URL?default``), with the
same kind of errors. The named graphs go to graphs of the same name and the merged triples to
the default graph too, unless the store's default graph is already the union of its graphs
(``default_graph=False``, for Virtuoso).

Examples
--------
::

    from vitalegraph.remote import run_remote_query
    table = run_remote_query("teams", "http://127.0.0.1:7878/query")
    len(table.rows)
    # -> 13
"""

from __future__ import annotations

import time

from .. import __version__
from ..errors import EndpointError, QueryError
from ..query.output import Cell, Table

__all__ = ["run_remote_query", "push_dataset", "check_endpoint_url", "check_graph_iri", "DEFAULT_TIMEOUT"]

#: seconds to wait for an endpoint before giving up
DEFAULT_TIMEOUT = 30.0

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_CANONICAL_BOOLEAN = {"1": "true", "0": "false", "true": "true", "false": "false"}
_CHUNK = 1 << 16


def check_endpoint_url(url: str) -> str:
    """*url* if it is an absolute ``http://`` or ``https://`` URL.

    Parameters
    ----------
    url : str
        The endpoint URL a user gave.

    Returns
    -------
    str
        The URL unchanged.

    Raises
    ------
    QueryError
        If *url* is not an http(s) URL with a host (a bad option: exit status 2).

    Examples
    --------
    >>> check_endpoint_url("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/query'
    >>> check_endpoint_url("localhost:7878")
    Traceback (most recent call last):
    ...
    vitalegraph.errors.QueryError: --endpoint must be an http:// or https:// URL, got 'localhost:7878'
    """
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        ok = False
    if not ok:
        raise QueryError(f"--endpoint must be an http:// or https:// URL, got '{url}'")
    return url


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _http_error(exc: BaseException):
    """The urllib HTTPError behind a SPARQLWrapper exception (it keeps it as the context), or None."""
    import urllib.error

    while exc is not None:
        if isinstance(exc, urllib.error.HTTPError):
            return exc
        exc = exc.__context__
    return None


def _body_of(exc: BaseException) -> str:
    """The response body a SPARQLWrapper exception carries in its message, as text."""
    import ast

    text = str(exc)
    if "Response:\n" in text:
        raw = text.split("Response:\n", 1)[1]
        try:
            value = ast.literal_eval(raw)
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        except (ValueError, SyntaxError):
            return raw
    return ""


def _is_timeout(exc: BaseException) -> bool:
    import socket

    reason = getattr(exc, "reason", None)
    return isinstance(exc, (TimeoutError, socket.timeout)) or isinstance(reason, (TimeoutError, socket.timeout))


def _read(response, url: str, deadline: float, timeout: float) -> bytes:
    """The whole body of *response*, or EndpointError if it takes past *deadline*."""
    chunks = []
    try:
        while True:
            chunk = response.read(_CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise EndpointError(f"SPARQL endpoint {url} did not answer within {timeout:g} s (--timeout)")
    except EndpointError:
        raise
    except Exception as exc:  # noqa: BLE001 - socket errors, incomplete reads
        if _is_timeout(exc):
            raise EndpointError(f"SPARQL endpoint {url} did not answer within {timeout:g} s (--timeout)") from None
        raise EndpointError(f"SPARQL endpoint {url} broke off its answer ({_one_line(exc) or type(exc).__name__})") from None
    finally:
        response.close()
    return b"".join(chunks)


def _cell(term: dict) -> Cell:
    """A Cell from one SPARQL JSON binding, normalised as local results are (no xsd:string)."""
    cell = Cell.from_json(term)
    if cell.kind not in ("uri", "literal", "bnode") or not isinstance(cell.value, str):
        raise ValueError(f"unknown term type '{cell.kind}'")
    if cell.kind != "literal":
        return Cell(cell.kind, cell.value)
    datatype = None if cell.lang or cell.datatype in (_XSD_STRING, _RDF_LANGSTRING) else cell.datatype
    value = cell.value
    if datatype == _XSD_BOOLEAN:
        # "1" and "0" are xsd:boolean's other lexical forms; Virtuoso writes every boolean so
        # (https://github.com/openlink/virtuoso-opensource/issues/485): give the canonical one
        value = _CANONICAL_BOOLEAN.get(value.strip(), value)
    return Cell("literal", value, datatype, cell.lang or None)


def _parse_results(body: bytes) -> Table:
    """A Table from a SPARQL 1.1 Query Results JSON document (SELECT or ASK)."""
    import json

    data = json.loads(body.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    if "boolean" in data:
        if not isinstance(data["boolean"], bool):
            raise ValueError("'boolean' is not true or false")
        return Table([], [], data["boolean"])
    columns = data["head"]["vars"]
    bindings = data["results"]["bindings"]
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns) or not isinstance(bindings, list):
        raise ValueError("'head.vars' or 'results.bindings' is not a list")
    return Table(list(columns), [[_cell(b[c]) if c in b else None for c in columns] for b in bindings])


def _parse_graph(body: bytes, content_type: str) -> Table:
    """A subject/predicate/object Table from an RDF answer (CONSTRUCT, DESCRIBE)."""
    import pyoxigraph as ox

    from ..query.engine import _ox_cell

    fmt = ox.RdfFormat.from_media_type(content_type) or ox.RdfFormat.TURTLE
    triples = ox.parse(body, format=fmt)
    return Table(["subject", "predicate", "object"],
                 [[_ox_cell(t.subject), _ox_cell(t.predicate), _ox_cell(t.object)] for t in triples])


def run_remote_query(spec: str, endpoint: str, timeout: float = DEFAULT_TIMEOUT) -> Table:
    """Run a named query, a ``.rq`` file or SPARQL text on a remote SPARQL endpoint.

    Parameters
    ----------
    spec : str
        A name from :func:`vitalegraph.query.named_queries`, a path to a ``.rq`` file, or SPARQL.
    endpoint : str
        The endpoint's query URL, e.g. ``http://127.0.0.1:7878/query`` for ``vitalegraph serve``.
    timeout : float, optional
        Seconds to wait for the whole answer (default 30).

    Returns
    -------
    Table
        As :func:`vitalegraph.query.run_query` returns it: one row per solution for SELECT,
        ``boolean`` for ASK, subject/predicate/object rows for CONSTRUCT and DESCRIBE.

    Raises
    ------
    QueryError
        If the query is unknown, would modify data or call SERVICE (nothing is sent), or if
        *endpoint* or *timeout* is not valid.
    EndpointError
        If the endpoint is unreachable, times out, answers with an HTTP error or with something
        that is not a SPARQL result; the message names the URL and the HTTP status.

    Examples
    --------
    ::

        run_remote_query("teams", "http://127.0.0.1:7878/query", timeout=5)
        # -> Table(columns=['team', 'municipality', 'district', 'theme'], rows=[...], boolean=None)
    """
    from ..query.engine import check_read_only, resolve_query, with_prefixes

    _label, sparql = resolve_query(spec)
    form = check_read_only(sparql)
    sparql = with_prefixes(sparql)  # the endpoint need not know the prefixes the output prints
    check_endpoint_url(endpoint)
    try:
        timeout = float(timeout)
    except (TypeError, ValueError):
        raise QueryError(f"--timeout must be a number of seconds, got '{timeout}'") from None
    if not timeout > 0:
        raise QueryError(f"--timeout must be more than 0 seconds, got {timeout:g}")

    import urllib.error
    import warnings

    from SPARQLWrapper import GET, JSON, POST, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(endpoint, agent=f"vitalegraph/{__version__}")
    client.setQuery(sparql)
    client.setOnlyConneg(True)  # only the Accept header, no format=json parameters
    client.setReturnFormat(JSON if form in ("SELECT", "ASK") else TURTLE)
    # long queries go in a form-encoded POST body, as the SPARQL protocol allows; short ones by GET
    client.setMethod(POST if len(sparql.encode("utf-8")) > 1500 else GET)
    client.setTimeout(max(1, int(timeout)))
    client.timeout = timeout  # setTimeout truncates to whole seconds
    deadline = time.monotonic() + timeout
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            response = client.query().response
    except Exception as exc:  # noqa: BLE001 - SPARQLWrapper and urllib raise many kinds
        http = _http_error(exc)
        if http is not None:
            body = _body_of(exc) if exc is not http else ""
            if not body:
                try:
                    body = http.read().decode("utf-8", "replace")
                except Exception:  # noqa: BLE001
                    body = ""
            detail = f": {_one_line(body)}" if body.strip() else ""
            raise EndpointError(f"SPARQL endpoint {endpoint} answered HTTP {http.code} {http.reason}{detail}") from None
        if _is_timeout(exc):
            raise EndpointError(f"SPARQL endpoint {endpoint} did not answer within {timeout:g} s (--timeout)") from None
        if isinstance(exc, urllib.error.URLError):
            reason = getattr(exc.reason, "strerror", None) or exc.reason
            raise EndpointError(f"cannot reach SPARQL endpoint {endpoint}: {_one_line(reason)}") from None
        raise EndpointError(f"cannot query SPARQL endpoint {endpoint}: {_one_line(exc) or type(exc).__name__}") from None

    status = getattr(response, "status", 200)
    content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    body = _read(response, endpoint, deadline, timeout)
    try:
        if form in ("SELECT", "ASK"):
            return _parse_results(body)
        return _parse_graph(body, content_type)
    except (ValueError, KeyError, TypeError, SyntaxError, UnicodeDecodeError) as exc:
        what = "SPARQL JSON results" if form in ("SELECT", "ASK") else "RDF"
        hint = "; is it the query URL (for `vitalegraph serve`: http://HOST:PORT/query)?" \
            if content_type.startswith("text/html") else ""
        raise EndpointError(f"SPARQL endpoint {endpoint} answered HTTP {status} with malformed {what} "
                            f"({content_type or 'no content type'}: {_one_line(exc, 120)}){hint}") from None


# ---------------------------------------------------------------- push (Graph Store Protocol)
def _gsp_url(endpoint: str, graph) -> str:
    from urllib.parse import quote

    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}default" if graph is None else f"{endpoint}{sep}graph={quote(str(graph), safe='')}"


def _readable(body: bytes, content_type: str = "") -> str:
    """An error body as one line of text: an HTML page without its head and tags.

    >>> _readable(b"<html><head><title>x</title></head><body><h1>500</h1><xmp>no default graph</xmp></body></html>")
    '500 no default graph'
    """
    import re

    text = body.decode("utf-8", "replace")
    if "html" in content_type.lower() or text.lstrip()[:1] == "<":
        text = re.sub(r"(?is)<head\b.*?</head>|<!DOCTYPE[^>]*>", " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
    return _one_line(text)


def _send_after_broken_pipe(url: str, method: str, body: bytes, headers: dict, timeout: float):
    """Send again with http.client and read the answer even if the store stops reading the body.

    A store that refuses a request may answer and close the connection before it has read the whole
    body (Virtuoso does so for a default graph it does not have); urllib then reports only a broken
    pipe, while http.client can still read the answer that came back. Returns ``(status, reason,
    body, content type)``.
    """
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname, parts.port, timeout=timeout)
    try:
        try:
            conn.request(method, (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), body=body,
                         headers=headers)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the answer may be there all the same
        response = conn.getresponse()
        return response.status, response.reason, response.read(), response.headers.get("Content-Type") or ""
    finally:
        conn.close()


def _send(url: str, endpoint: str, method: str, body: bytes, timeout: float, what: str) -> int:
    import urllib.error
    import urllib.request

    headers = {"Content-Type": "application/n-triples", "User-Agent": f"vitalegraph/{__version__}"}
    request = urllib.request.Request(url, data=body, method=method, headers=headers)

    def refused(code, reason, detail):
        return EndpointError(f"graph store {endpoint} answered HTTP {code} {reason} to the {method} of {what}"
                             + (f": {detail}" if detail else ""))

    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        try:
            detail = _readable(exc.read(), exc.headers.get("Content-Type") or "")
        except Exception:  # noqa: BLE001
            detail = ""
        raise refused(exc.code, exc.reason, detail) from None
    except Exception as exc:  # noqa: BLE001 - socket and URL errors
        if _is_timeout(exc):
            raise EndpointError(f"graph store {endpoint} did not answer within {timeout:g} s (--timeout)") from None
        if isinstance(getattr(exc, "reason", exc), (BrokenPipeError, ConnectionResetError)):
            try:
                status, reason, answer, content_type = _send_after_broken_pipe(url, method, body, headers, timeout)
            except Exception:  # noqa: BLE001 - no answer to read: report the broken connection below
                status = None
            if status is not None and status >= 400:
                raise refused(status, reason, _readable(answer, content_type)) from None
            if status is not None:
                return status
        reason = getattr(getattr(exc, "reason", None), "strerror", None) or getattr(exc, "reason", None) or exc
        raise EndpointError(f"cannot reach graph store {endpoint}: {_one_line(reason) or type(exc).__name__}") from None


def push_dataset(data, endpoint: str, graph: str | None = None, timeout: float = DEFAULT_TIMEOUT,
                 replace: bool = True, default_graph: bool = True) -> dict:
    """Load a dataset file into a store through the SPARQL 1.1 Graph Store HTTP Protocol.

    Each graph is sent as N-Triples: with ``replace`` (default) by HTTP PUT, which replaces that
    graph in the store; otherwise by POST, which adds to it.

    What lands where, without *graph*: each named graph of a TriG/N-Quads file in the store's graph
    of the same name, then the store's default graph gets every triple of the file, each once (the
    layout of ``vitalegraph serve``), so that queries without ``GRAPH`` answer as ``vitalegraph
    query`` does on a store whose default graph is a graph of its own (Oxigraph, Fuseki, ...). A
    store whose default graph is already the union of all its graphs (Virtuoso, whose Graph Store
    has no default graph to write) needs only the named graphs: ``default_graph=False``.

    Parameters
    ----------
    data : path
        The dataset file (``.trig``, ``.ttl``, ``.nt``, ``.nq``, ``.jsonld``, ``.rdf``).
    endpoint : str
        The store's Graph Store Protocol URL, e.g. ``http://127.0.0.1:7879/store`` for
        ``oxigraph serve``; ``?graph=IRI`` or ``?default`` is added to it.
    graph : str, optional
        Put all triples (every graph merged) into this one named graph. Without it, the named
        graphs of a TriG/N-Quads file go to graphs of the same name and everything else to the
        default graph.
    timeout : float
        Seconds to wait for each request.
    replace : bool
        PUT (replace each graph) if true, POST (add) if false.
    default_graph : bool
        Send the merged triples to the default graph too (default). With ``False`` only the named
        graphs are sent; a file with triples outside any named graph then needs *graph*.

    Returns
    -------
    dict
        ``graphs`` (the number of graphs sent), ``triples`` (the number of triples sent) and
        ``requests`` (a list of ``(url, HTTP status)``).

    Raises
    ------
    DataFileError
        If *data* is missing or not valid RDF.
    QueryError
        If *endpoint*, *graph* or *timeout* is not valid.
    EndpointError
        If the store is unreachable, times out or answers with an HTTP error.

    Examples
    --------
    ::

        push_dataset("data/vitalegraph.trig", "http://127.0.0.1:7879/store")
        # -> {'graphs': 5, 'triples': 12296, 'requests': [...]}   (4 named graphs and the default graph)
        push_dataset("data/vitalegraph.trig", "http://127.0.0.1:8890/sparql-graph-crud", default_graph=False)
        # -> {'graphs': 4, 'triples': 6197, 'requests': [...]}    (Virtuoso: the named graphs only)
    """
    import pyoxigraph as ox

    from ..query.engine import load_dataset

    check_endpoint_url(endpoint)
    if graph is not None and not check_graph_iri(graph):
        raise QueryError(f"--graph must be an absolute IRI such as https://example.org/graph/vitalegraph, got '{graph}'")
    try:
        timeout = float(timeout)
    except (TypeError, ValueError):
        raise QueryError(f"--timeout must be a number of seconds, got '{timeout}'") from None
    if not timeout > 0:
        raise QueryError(f"--timeout must be more than 0 seconds, got {timeout:g}")
    from ..pipeline.serialize import sorted_quads, sorted_triples

    quads = list(load_dataset(data, "oxigraph").file_quads())
    if graph is not None:
        groups = {ox.NamedNode(graph): list(sorted_triples(quads))}
    else:
        groups = {}
        for q in sorted_quads(quads):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                groups.setdefault(q.graph_name, []).append(ox.Triple(q.subject, q.predicate, q.object))
        if default_graph:
            # the named graphs first, the merged default graph last (the file's own default-graph
            # triples and every named graph's, each triple once)
            if quads:
                groups[ox.DefaultGraph()] = list(sorted_triples(quads))
        elif any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads):
            raise QueryError(f"{data} has triples outside any named graph, which --no-default-graph would leave "
                             "out; push them into one named graph with --graph IRI")
    requests, triples = [], 0
    for name, group in groups.items():
        iri = None if isinstance(name, ox.DefaultGraph) else name.value
        url = _gsp_url(endpoint, iri)
        body = ox.serialize(group, format=ox.RdfFormat.N_TRIPLES)
        what = "the default graph" if iri is None else f"graph <{iri}>"
        try:
            requests.append((url, _send(url, endpoint, "PUT" if replace else "POST", body, timeout, what)))
        except EndpointError as exc:
            if iri is None and requests:
                # e.g. Virtuoso: "the endpoint is not configured to have default graph"
                raise EndpointError(f"{exc}; the {len(requests)} named graph{'s were' if len(requests) != 1 else ' was'} "
                                    "stored: if the store's default graph is the union of its graphs (Virtuoso), "
                                    "push with --no-default-graph") from None
            raise
        triples += len(group)
    return {"graphs": len(groups), "triples": triples, "requests": requests}


def check_graph_iri(iri: str) -> bool:
    """True if *iri* is an absolute IRI a store will accept as a graph name.

    >>> check_graph_iri("https://w3id.org/vitalegraph/graph/all"), check_graph_iri("all")
    (True, False)
    """
    import re

    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$", iri))
