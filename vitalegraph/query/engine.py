"""Query, the first use of the built graph: the named competency queries and any SPARQL, on the built dataset.

Named queries are the ``.rq`` files in ``vitalegraph/query/queries/``; the first line of each,
``# Question: ...``, says what it answers. Queries run on Oxigraph (``pyoxigraph``) by default,
which is fast at every size; ``engine="rdflib"`` runs the same query on rdflib's memory store.
What a query's text may be (read-only, its prefixes, its syntax errors in words) is
:mod:`vitalegraph.query.sparql`; this module loads the dataset, runs the query and turns each
engine's answer into the same :class:`~vitalegraph.query.output.Table` (Oxigraph's TSV cells and
rdflib's terms converted alike, so that both engines print the same bytes).

Examples
--------
::

    from vitalegraph.query import run_query, load_dataset
    table = run_query("teams", load_dataset("data/vitalegraph.ttl"))
    len(table.rows)          # 13 for the seed sources
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..collector import collector_paused
from ..errors import DataFileError, QueryError
from .output import Cell, Table
from .sparql import PREDECLARED, check_read_only, diagnose, looks_like_sparql, syntax_error

__all__ = ["NamedQuery", "named_queries", "resolve_query", "load_dataset", "Dataset", "store_of", "run_query",
           "ENGINES"]

ENGINES = ("auto", "oxigraph", "rdflib")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question: str
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """The named queries shipped with the package, by name."""
    out = {}
    for path in sorted(paths.QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        m = re.search(r"^#\s*Question:\s*(.+)$", text, re.MULTILINE)
        out[path.stem] = NamedQuery(path.stem, m.group(1).strip() if m else "", text)
    return out


def resolve_query(spec: str) -> tuple[str, str]:
    """The SPARQL text for *spec*: a named query, a ``.rq`` file, or SPARQL itself.

    Returns ``(label, sparql)``.

    Raises
    ------
    QueryError
        For an unknown name or a missing query file.
    """
    named = named_queries()
    if spec in named:
        return spec, named[spec].text
    path = Path(spec)
    if spec.endswith(".rq") or (len(spec) < 4096 and "\n" not in spec and path.is_file()):
        try:
            return str(path), path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise QueryError(f"no such query file: {spec}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read query file {spec}: {exc}") from None
    if looks_like_sparql(spec):
        return "query", spec
    import difflib

    close = difflib.get_close_matches(spec.strip().lower(), list(named), n=1, cutoff=0.6)
    raise QueryError(f"unknown query '{spec}'" + (f"; did you mean '{close[0]}'?" if close else "")
                     + "; `vitalegraph query --list` shows the named queries, or give a .rq file or SPARQL text")


class Dataset:
    """A loaded dataset on one engine.

    ``union``: the store holds its triples in named graphs only, so queries read the union of the
    named graphs as their default graph (a store built from the build's quads); otherwise the
    default graph holds the merged triples, each once.
    """

    def __init__(self, path: Path, engine: str, store, union: bool = False, merged_default: bool = False):
        self.path, self.engine, self.store, self.union = path, engine, store, union
        self.merged_default = merged_default

    def file_quads(self):
        """The quads as the file holds them (Oxigraph only): without the merged default graph
        that :func:`load_dataset` adds to a TriG or N-Quads file."""
        import pyoxigraph as ox

        quads = self.store.quads_for_pattern(None, None, None, None)
        if self.merged_default:
            return (q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))
        return quads

    def __len__(self) -> int:
        return len(self.store)


def store_of(data):
    """*data* as a :class:`pyoxigraph.Store`: a store as it is, quads added to a new one.

    Parameters
    ----------
    data : pyoxigraph.Store or iterable of pyoxigraph.Quad

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> s = ox.NamedNode("http://example.org/s")
    >>> store = store_of([ox.Quad(s, s, s)])
    >>> len(store), store_of(store) is store
    (1, True)
    """
    import pyoxigraph as ox

    if isinstance(data, ox.Store):
        return data
    store = ox.Store()
    store.extend(data)
    return store


def _rdf_format(path: Path):
    import pyoxigraph as ox

    suffix = path.suffix.lower()
    formats = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES,
               ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML,
               ".xml": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML}
    if suffix not in formats:
        raise DataFileError(f"{path}: unknown RDF file type '{suffix}'; use .ttl, .trig, .nt, .nq, .jsonld or .rdf")
    return formats[suffix]


def load_dataset(path: str | Path = paths.DEFAULT_DATA, engine: str = "auto") -> Dataset:
    """Load a dataset file (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) into an engine.

    Raises
    ------
    DataFileError
        If the file is missing, unreadable or not valid RDF; the message says how to build it.
    """
    path = Path(path)
    if not path.is_file():
        raise DataFileError(f"{path}: no such data file; run `vitalegraph build` first, or pass --data FILE")
    fmt = _rdf_format(path)
    if engine in ("auto", "oxigraph"):
        import pyoxigraph as ox

        store = ox.Store()
        try:
            store.bulk_load(path=str(path), format=fmt)
            merged = False
            if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS) and not store.query("ASK { ?s ?p ?o }"):
                # named graphs stay for GRAPH <...> queries; the (empty) default graph gets the merged
                # triples, once each (Oxigraph's union default graph repeats a triple once per graph)
                store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
                merged = True
        except (SyntaxError, ValueError, OSError) as exc:
            raise DataFileError(f"{path}: not a readable RDF file ({str(exc).splitlines()[0]}); "
                                "rebuild it with `vitalegraph build`") from None
        return Dataset(path, "oxigraph", store, merged_default=merged)
    if engine == "rdflib":
        import rdflib

        fmt = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads",
               ".jsonld": "json-ld"}.get(path.suffix.lower(), "xml")
        store = rdflib.Graph()
        try:
            if fmt in ("trig", "nquads"):
                # query the union of the named graphs from one plain Graph: rdflib's Dataset with
                # default_union=True is orders of magnitude slower to query
                quads = rdflib.Dataset()
                quads.parse(str(path), format=fmt)
                for s, p, o, _g in quads.quads((None, None, None, None)):
                    store.add((s, p, o))
            else:
                store.parse(str(path), format=fmt)
        except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds of parse errors
            raise DataFileError(f"{path}: not a readable RDF file ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__}); "
                                "rebuild it with `vitalegraph build`") from None
        return Dataset(path, "rdflib", store)
    raise QueryError(f"unknown engine '{engine}'; choose one of {', '.join(ENGINES)}")


def _ox_cell(term) -> Cell | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Cell("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Cell("bnode", term.value)
    if isinstance(term, ox.Literal):
        lang = term.language
        dt = None if lang else term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            dt = None
        return Cell("literal", term.value, dt, lang)
    return Cell("literal", str(term))


_XSD = "http://www.w3.org/2001/XMLSchema#"
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_ESCAPED = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)) if (m[1] or m[2]) else _ESCAPED[m[3]], text)


def _tsv_cell(text: str) -> Cell | None:
    """One cell of SPARQL TSV results (a term in Turtle syntax) as :func:`_ox_cell` makes it."""
    if not text:
        return None
    first = text[0]
    if first == "<":
        return Cell("uri", text[1:-1])
    if first == "_":
        return Cell("bnode", text[2:])
    if first == '"':
        end = text.rindex('"')
        value, rest = _unescape(text[1:end]), text[end + 1:]
        if not rest:
            return Cell("literal", value)
        if rest[0] == "@":
            return Cell("literal", value, None, rest[1:])
        return Cell("literal", value, None if rest[3:-1] == _XSD + "string" else rest[3:-1])
    # Turtle's bare literals: true/false, doubles (with an exponent), decimals (with a point), integers
    kind = ("boolean" if text in ("true", "false") else "double" if "e" in text or "E" in text
            else "decimal" if "." in text else "integer")
    return Cell("literal", text, _XSD + kind)


def _solutions_table(result) -> Table:
    """A table of Oxigraph's query solutions, read from their SPARQL TSV serialisation.

    Oxigraph writes the TSV in Rust; splitting it and converting each distinct cell once is faster
    than asking Python for every term of every solution (evidence on a million triples: 1.2x of
    raw pyoxigraph's engine time, against 1.4x when every term became a Python object first).
    """
    import pyoxigraph as ox

    lines = result.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8").split("\n")
    cols = [v[1:] for v in lines[0].split("\t")]
    cache: dict = {}      # labels and IRIs repeat: convert each distinct cell once
    get = cache.get

    def cell(text: str):
        c = get(text)
        if c is None and text:
            c = cache[text] = _tsv_cell(text)
        return c
    with collector_paused():   # the rows are many small objects and no cycles
        # every line, the last included, ends with a newline: the last piece of the split is empty
        rows = [[cell(x) for x in line.split("\t")] for line in lines[1:-1]]
    return Table(cols, rows)


def _rdflib_cell(term) -> Cell | None:
    import rdflib

    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        return Cell("uri", str(term))
    if isinstance(term, rdflib.BNode):
        return Cell("bnode", str(term))
    dt = str(term.datatype) if term.datatype and not term.language else None
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        dt = None
    return Cell("literal", str(term), dt, term.language)


def run_query(spec: str, dataset: Dataset, timeout: float | None = None) -> Table:
    """Run a named query, a ``.rq`` file or SPARQL text on *dataset*.

    Parameters
    ----------
    spec : str
        A name from :func:`named_queries`, a path to a ``.rq`` file, or SPARQL.
    dataset : Dataset
        From :func:`load_dataset`.

    Returns
    -------
    Table
        For SELECT, one row per solution; for ASK, ``boolean``; for CONSTRUCT/DESCRIBE, the
        triples as rows of ``subject``, ``predicate``, ``object``.

    timeout : float, optional
        Seconds after which the query is stopped (it runs in a forked child process that is killed).

    Raises
    ------
    QueryError
        If the query is unknown, not valid SPARQL, would modify data, or ran past *timeout*.
    """
    _label, sparql = resolve_query(spec)
    check_read_only(sparql)
    if timeout is not None and timeout > 0:
        return _with_timeout(lambda: _execute(sparql, dataset), timeout)
    return _execute(sparql, dataset)


def _with_timeout(fn, timeout: float) -> Table:
    """Run *fn* in a forked child; kill it after *timeout* seconds.

    Neither engine can interrupt a running query, so a runaway query runs in a child process that
    shares the loaded store (fork, copy-on-write) and is killed when the time is up.
    """
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)

    def child():
        try:
            sender.send(("ok", fn()))
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
            sender.send(("error", exc if isinstance(exc, QueryError) else QueryError(f"query failed: {exc}")))

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryError(f"query stopped after {timeout:g} s (--timeout); simplify it or raise --timeout")
        kind, value = receiver.recv()
    except EOFError:
        raise QueryError("query failed: the query process ended without an answer") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    if kind == "error":
        raise value
    return value


def _execute(sparql: str, dataset: Dataset) -> Table:
    if dataset.engine == "oxigraph":
        import pyoxigraph as ox

        try:
            result = dataset.store.query(sparql, use_default_graph_as_union=dataset.union, prefixes=PREDECLARED)
        except SyntaxError as exc:
            raise syntax_error(sparql, str(exc)) from None
        except (ValueError, OSError, RuntimeError) as exc:
            raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None
        if isinstance(result, ox.QuerySolutions):
            if not result.variables:
                return Table([], [[] for _sol in result])
            return _solutions_table(result)
        if isinstance(result, ox.QueryBoolean):
            return Table([], [], bool(result))
        return Table(["subject", "predicate", "object"],
                     [[_ox_cell(t.subject), _ox_cell(t.predicate), _ox_cell(t.object)] for t in result])
    try:
        result = dataset.store.query(sparql, initNs=PREDECLARED)
    except Exception as exc:  # noqa: BLE001 - rdflib's parser raises pyparsing and other errors
        raise diagnose(sparql, str(exc)) from None
    if result.type == "SELECT":
        cols = [str(v) for v in result.vars]
        return Table(cols, [[_rdflib_cell(row[i]) for i in range(len(cols))] for row in result])
    if result.type == "ASK":
        return Table([], [], bool(result.askAnswer))
    return Table(["subject", "predicate", "object"], [[_rdflib_cell(x) for x in t] for t in result])
