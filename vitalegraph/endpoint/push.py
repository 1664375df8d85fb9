"""Pushing the dataset into any store that speaks the SPARQL 1.1 Graph Store HTTP Protocol.

:func:`push_dataset` sends each graph of a dataset file as N-Triples (``PUT`` or ``POST`` to
``URL?graph=IRI`` or ``URL?default``): the named graphs to graphs of the same name and the merged
triples to the default graph too, unless the store's default graph is already the union of its
graphs (``default_graph=False``, for Virtuoso). An unreachable store, a time-out or an HTTP error raises
:class:`~vitalegraph.errors.EndpointError` (exit status 3) with a one-line message that names the
URL and, where there is one, the HTTP status, as for remote queries (:mod:`.remote`).

Examples
--------
::

    from vitalegraph.endpoint import push_dataset
    push_dataset("data/vitalegraph.trig", "http://127.0.0.1:7879/store")
"""

from __future__ import annotations

from .. import __version__
from ..errors import EndpointError, QueryError
from .remote import DEFAULT_TIMEOUT, _is_timeout, _one_line, check_endpoint_url, check_timeout

__all__ = ["push_dataset", "check_graph_iri"]


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
    timeout = check_timeout(timeout)
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
