"""Remote stores: queries on any SPARQL endpoint, and pushing the dataset into any Graph Store.

:func:`run_remote_query` sends a named query, a ``.rq`` file or SPARQL text to any SPARQL 1.1
endpoint (through SPARQLWrapper) and returns a :class:`vitalegraph.output.Table`, so that
``vitalegraph query NAME --endpoint URL`` prints exactly what ``vitalegraph query NAME`` prints on
the same data. Updates and ``SERVICE`` are refused before anything is sent, as for local queries.

An unreachable endpoint, a time-out, an HTTP error or a malformed answer raises
:class:`~vitalegraph.errors.EndpointError` (exit status 3) with a one-line message that names the
URL and, where there is one, the HTTP status.

:func:`push_dataset` and :func:`check_graph_iri` live in :mod:`vitalegraph.endpoint.push` and are
still found here, where they were before.

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


def check_timeout(timeout) -> float:
    """*timeout* as a number of seconds above 0, or a :class:`~vitalegraph.errors.QueryError`.

    >>> check_timeout("2.5")
    2.5
    """
    try:
        timeout = float(timeout)
    except (TypeError, ValueError):
        raise QueryError(f"--timeout must be a number of seconds, got '{timeout}'") from None
    if not timeout > 0:
        raise QueryError(f"--timeout must be more than 0 seconds, got {timeout:g}")
    return timeout


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
    from ..query.engine import resolve_query
    from ..query.sparql import check_read_only, with_prefixes

    _label, sparql = resolve_query(spec)
    form = check_read_only(sparql)
    sparql = with_prefixes(sparql)  # the endpoint need not know the prefixes the output prints
    check_endpoint_url(endpoint)
    timeout = check_timeout(timeout)

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
            table = _parse_results(body)
            if _outer_select_is_distinct(sparql):
                table.rows = _distinct_rows(table.rows)
            return table
        return _parse_graph(body, content_type)
    except (ValueError, KeyError, TypeError, SyntaxError, UnicodeDecodeError) as exc:
        what = "SPARQL JSON results" if form in ("SELECT", "ASK") else "RDF"
        hint = "; is it the query URL (for `vitalegraph serve`: http://HOST:PORT/query)?" \
            if content_type.startswith("text/html") else ""
        raise EndpointError(f"SPARQL endpoint {endpoint} answered HTTP {status} with malformed {what} "
                            f"({content_type or 'no content type'}: {_one_line(exc, 120)}){hint}") from None


def _outer_select_is_distinct(sparql: str) -> bool:
    r"""Whether the query's own (first, outermost) SELECT is a SELECT DISTINCT.

    >>> _outer_select_is_distinct("PREFIX a: <x#>\n# a comment: SELECT ?x\nSELECT  DISTINCT ?s { { SELECT ?s {} } }")
    True
    >>> _outer_select_is_distinct("SELECT ?s WHERE { { SELECT DISTINCT ?s {} } }")
    False
    """
    import re

    text = re.sub(r"#[^\n]*", " ", re.sub(r"<[^>\s]*>", "<>", sparql))   # IRIs, then comments out of the way
    m = re.search(r"\bSELECT\s+(\w+)?", text, re.IGNORECASE)
    return bool(m and (m.group(1) or "").upper() == "DISTINCT")


def _distinct_rows(rows: list) -> list:
    """The rows with repeats removed, in their order: what SELECT DISTINCT promises. A store may
    send repeats all the same (Virtuoso, for solutions with long strings from a dataset whose triples
    stand in several graphs); the answer then still means what the query says."""
    seen: set = set()
    out = []
    for row in rows:
        key = tuple(row)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def __getattr__(name: str):
    # push_dataset and check_graph_iri moved to .push, which imports from here: found on first use
    if name in ("push_dataset", "check_graph_iri"):
        from . import push

        return getattr(push, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
