"""Pushing the dataset into any store that speaks the SPARQL 1.1 Graph Store HTTP Protocol.

:func:`push_dataset` sends each graph of a dataset file as N-Triples (``PUT`` or ``POST`` to
``URL?graph=IRI`` or ``URL?default``). An unreachable store, a time-out or an HTTP error raises
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
from .remote import DEFAULT_TIMEOUT, _is_timeout, _one_line, check_endpoint_url

__all__ = ["push_dataset", "check_graph_iri"]


def _gsp_url(endpoint: str, graph) -> str:
    from urllib.parse import quote

    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}default" if graph is None else f"{endpoint}{sep}graph={quote(str(graph), safe='')}"


def _send(url: str, endpoint: str, method: str, body: bytes, timeout: float, what: str) -> int:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=body, method=method, headers={
        "Content-Type": "application/n-triples", "User-Agent": f"vitalegraph/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        try:
            detail = _one_line(exc.read().decode("utf-8", "replace"))
        except Exception:  # noqa: BLE001
            detail = ""
        raise EndpointError(f"graph store {endpoint} answered HTTP {exc.code} {exc.reason} to the {method} of {what}"
                            + (f": {detail}" if detail else "")) from None
    except Exception as exc:  # noqa: BLE001 - socket and URL errors
        if _is_timeout(exc):
            raise EndpointError(f"graph store {endpoint} did not answer within {timeout:g} s (--timeout)") from None
        reason = getattr(getattr(exc, "reason", None), "strerror", None) or getattr(exc, "reason", None) or exc
        raise EndpointError(f"cannot reach graph store {endpoint}: {_one_line(reason) or type(exc).__name__}") from None


def push_dataset(data, endpoint: str, graph: str | None = None, timeout: float = DEFAULT_TIMEOUT,
                 replace: bool = True) -> dict:
    """Load a dataset file into a store through the SPARQL 1.1 Graph Store HTTP Protocol.

    Each graph is sent as N-Triples: with ``replace`` (default) by HTTP PUT, which replaces that
    graph in the store; otherwise by POST, which adds to it.

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
        # -> {'graphs': 4, 'triples': 6199, 'requests': [...]}
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
    quads = list(load_dataset(data, "oxigraph").file_quads())
    if graph is not None:
        from ..pipeline.serialize import sorted_triples

        groups = {ox.NamedNode(graph): list(sorted_triples(quads))}
    else:
        from ..pipeline.serialize import sorted_quads

        groups = {}
        for q in sorted_quads(quads):
            groups.setdefault(q.graph_name, []).append(ox.Triple(q.subject, q.predicate, q.object))
    requests, triples = [], 0
    for name, group in groups.items():
        iri = None if isinstance(name, ox.DefaultGraph) else name.value
        url = _gsp_url(endpoint, iri)
        body = ox.serialize(group, format=ox.RdfFormat.N_TRIPLES)
        what = "the default graph" if iri is None else f"graph <{iri}>"
        requests.append((url, _send(url, endpoint, "PUT" if replace else "POST", body, timeout, what)))
        triples += len(group)
    return {"graphs": len(groups), "triples": triples, "requests": requests}


def check_graph_iri(iri: str) -> bool:
    """True if *iri* is an absolute IRI a store will accept as a graph name.

    >>> check_graph_iri("https://w3id.org/vitalegraph/graph/all"), check_graph_iri("all")
    (True, False)
    """
    import re

    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$", iri))
