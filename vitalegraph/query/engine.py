"""Query, the first use of the built graph: the named competency queries and any SPARQL, on the built dataset.

Named queries are the ``.rq`` files in ``vitalegraph/query/queries/``; the first line of each,
``# Question: ...``, says what it answers. Queries run on Oxigraph (``pyoxigraph``) by default,
which is fast at every size; ``engine="rdflib"`` runs the same query on rdflib's memory store.
Only SELECT, ASK, CONSTRUCT and DESCRIBE are accepted: a query that would modify or load data, or
call another endpoint (``SERVICE``), is refused.

Hand-written queries may use every prefix that the output prints (``person:``, ``vg:``, ``foaf:``,
... :data:`PREDECLARED`) without declaring it, as on the Wikidata Query Service; a query's own
``PREFIX`` wins. A query that does not parse is reported in one line with its position and what was
expected, in words (:func:`syntax_error`).

One module of over 400 lines on purpose: resolving, checking, loading and running a query share
the engine choice and the cell conversions (Oxigraph, its TSV, rdflib) that make both engines print
the same table, and they change together.

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
from ..namespaces import PREFIXES
from .output import Cell, Table

__all__ = ["NamedQuery", "named_queries", "resolve_query", "looks_like_sparql", "check_read_only", "load_dataset", "Dataset",
           "store_of", "run_query", "ENGINES", "PREDECLARED", "prefix_declarations", "declared_prefixes",
           "used_prefixes", "with_prefixes", "syntax_error"]

ENGINES = ("auto", "oxigraph", "rdflib")
_UPDATE = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


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


def _strip_strings_and_comments(text: str) -> str:
    """SPARQL text with IRIs, string literals and comments blanked, for keyword checks."""
    return _STRINGS_AND_COMMENTS.sub(" ", text)


_ESCAPES = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _expand_escapes(text: str) -> str:
    """*text* with its ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes replaced, as rdflib's parser reads it
    (it expands them everywhere before parsing, so ``\\u0053ERVICE`` is SERVICE to it)."""
    if "\\" not in text:
        return text
    return _ESCAPES.sub(lambda m: chr(min(int(m[1] or m[2], 16), 0x10FFFF)), text)


def check_read_only(sparql: str) -> str:
    """The query form (SELECT, ASK, CONSTRUCT or DESCRIBE) of *sparql*.

    Raises
    ------
    QueryError
        If *sparql* is an update (INSERT, DELETE, LOAD, CLEAR, ...), calls SERVICE, or is not a query.

    >>> check_read_only("PREFIX x: <http://x/> SELECT * WHERE { ?s ?p ?o }")
    'SELECT'
    >>> check_read_only("DELETE WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    ...
    vitalegraph.errors.QueryError: refused: DELETE would modify data; vitalegraph query only reads (SELECT, ASK, CONSTRUCT, DESCRIBE)
    """
    expanded = _expand_escapes(sparql)
    if expanded != sparql:   # refused if either reading of the text is refused
        check_read_only(expanded)
    bare = _strip_strings_and_comments(sparql)
    words = re.findall(r"[A-Za-z_]+", bare)
    upper = [w.upper() for w in words]
    i = 0
    while i < len(upper) and upper[i] in ("PREFIX", "BASE"):
        i += 1
        if upper[i - 1] == "PREFIX" and i < len(upper) and re.match(r"^\s*" + re.escape(words[i]) + r"\s*:",
                                                                   bare.split(words[i - 1], 1)[1]):
            i += 1
    first = next((w for w in upper[i:] if w in _FORMS + _UPDATE), None)
    if first in _UPDATE or (first is None and any(w in _UPDATE for w in upper)):
        word = first or next(w for w in upper if w in _UPDATE)
        raise QueryError(f"refused: {word} would modify data; vitalegraph query only reads "
                         "(SELECT, ASK, CONSTRUCT, DESCRIBE)")
    if "SERVICE" in upper:
        raise QueryError("refused: SERVICE would query another endpoint; vitalegraph query only reads the dataset")
    if first is None:
        raise _form_error(sparql)
    return first


#: prefix -> namespace for every hand-written query: the prefixes the table output prints
PREDECLARED = dict(PREFIXES)

_PN_PREFIX = r"[A-Za-z](?:[\w.\-]*[\w\-])?"
_DECLARATION = re.compile(r"\bPREFIX\s+(" + _PN_PREFIX + r")?\s*:", re.IGNORECASE)
# a prefixed name's prefix: not inside a variable, a blank node label or another prefixed name
_PREFIXED = re.compile(r"(?<![\w.\-:?$@])(" + _PN_PREFIX + r")?:")
_STRINGS_AND_COMMENTS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                                   r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


def _blanked(text: str) -> str:
    """*text* with IRIs, strings and comments blanked, keeping every offset and line break."""
    return _STRINGS_AND_COMMENTS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def prefix_declarations() -> str:
    """The predeclared prefixes as SPARQL ``PREFIX`` lines (what ``vitalegraph query --prefixes`` prints).

    >>> prefix_declarations().splitlines()[0]
    'PREFIX vg: <https://w3id.org/vitalegraph/def#>'
    """
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREDECLARED.items())


def declared_prefixes(sparql: str) -> set[str]:
    """The prefixes that *sparql* declares itself.

    >>> sorted(declared_prefixes("PREFIX ex: <http://e/> prefix : <http://d/> SELECT * { ?s ex:p ?o }"))
    ['', 'ex']
    """
    return {m.group(1) or "" for m in _DECLARATION.finditer(_blanked(sparql))}


def used_prefixes(sparql: str) -> dict[str, int]:
    """The prefixes of the prefixed names in *sparql*, each with the offset of its first use.

    >>> used_prefixes('SELECT ?n { person:annet-bertram foaf:name ?n . FILTER(?n != "x:y") } # vg:')
    {'person': 12, 'foaf': 33}
    """
    bare = _DECLARATION.sub(lambda m: " " * len(m.group(0)), _blanked(sparql))
    out: dict[str, int] = {}
    for m in _PREFIXED.finditer(bare):
        out.setdefault(m.group(1) or "", m.start())
    return out


def with_prefixes(sparql: str, used=None, own=None) -> str:
    """*sparql* with a ``PREFIX`` line before it for each predeclared prefix it uses but does not
    declare (for an endpoint that does not know them; a query's own declarations are kept). *used*
    and *own* are the prefixes it uses and declares, if a parser has found them already.

    >>> print(with_prefixes("SELECT ?n { person:annet-bertram foaf:name ?n }"))
    PREFIX person: <https://w3id.org/vitalegraph/id/person/>
    PREFIX foaf: <http://xmlns.com/foaf/0.1/>
    SELECT ?n { person:annet-bertram foaf:name ?n }
    >>> with_prefixes("PREFIX foaf: <http://example.org/> ASK { ?x foaf:name ?n }").count("PREFIX")
    1
    """
    used = used_prefixes(sparql) if used is None else used
    own = declared_prefixes(sparql) if own is None else own
    need = [p for p in PREDECLARED if p in used and p not in own]
    return "".join(f"PREFIX {p}: <{PREDECLARED[p]}>\n" for p in need) + sparql


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _offset(text: str, line: int, col: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return min(len(text), starts[min(line, len(starts)) - 1] + max(col, 1) - 1)


def _found(text: str, offset: int) -> str:
    """', found 'TOKEN'' for the text at *offset*, or ', but the query ends there'."""
    rest = text[offset:].lstrip()
    if not rest:
        return ", but the query ends there"
    m = re.match(r"[\w:?$.\-]+|\S", rest)
    token = m.group(0)[:30]
    return f", found '{token}'"


def _form_error(sparql: str) -> QueryError:
    """The error for a text that has no query form (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
    import difflib

    bare = _DECLARATION.sub(lambda m: " " * len(m.group(0)), _blanked(sparql))
    bare = re.sub(r"\bBASE\b", "    ", bare, flags=re.IGNORECASE)
    m = re.search(r"\S", bare)
    offset = m.start() if m else len(sparql)
    line, col = _line_col(sparql, offset)
    word = re.match(r"[A-Za-z]+", sparql[offset:])
    guess = difflib.get_close_matches(word.group(0).upper(), _FORMS, n=1, cutoff=0.6) if word else []
    return QueryError(f"not valid SPARQL at line {line}, column {col}: expected SELECT, ASK, CONSTRUCT or "
                      f"DESCRIBE{_found(sparql, offset)}" + (f" (did you mean {guess[0]}?)" if guess else ""))


_TERMS = (("a variable", ("?", "$")), ("an IRI", ("<", ":")), ("a literal", ('"', "'", "true", "false")),
          ("a blank node", ("[", "_:")))
_PUNCTUATION = ("{", "}", "(", ")", ".", ",", ";")


def _expected_words(items: list[str]) -> str:
    """Oxigraph's list of expected tokens, in words: 'a variable, an IRI or '}''."""
    quoted = {i[1:-1].replace('\\"', '"') for i in items if i.startswith('"')}
    classes = [i for i in items if i.startswith("[")]
    words = [i for i in items if re.fullmatch(r"[A-Za-z_][\w ]*", i) and i != "_"]
    if any("'A'" in c for c in classes):
        quoted.add(":")            # a prefixed name can start here
    if any("'0'" in c for c in classes):
        quoted.add('"')            # a number can start here
    out = [name for name, starts in _TERMS if quoted & set(starts)]
    # Oxigraph's sets hold parser artefacts (NOT of NOT IN; LATERAL and SERVICE where a pattern is
    # unfinished): its maintainer calls them "awful" (oxigraph/oxigraph#203), so they are left out
    keywords = [w for w in words if (w.isupper() or w[:2] == "is") and w not in ("NOT", "IN", "LATERAL", "SERVICE")]
    if len(keywords) > 4:
        out.append("an expression")
    else:
        out += [w for w in keywords]
    out += [f"'{p}'" for p in _PUNCTUATION if p in quoted]
    if not out:
        return ""
    return out[0] if len(out) == 1 else ", ".join(out[:-1]) + " or " + out[-1]


def _split_expected(text: str) -> list[str]:
    return re.findall(r'"(?:[^"\\]|\\.)*"|\[(?:\'(?:[^\'\\]|\\.)*\'|[^\]\'])*\]|[^,\s][^,]*', text)


def syntax_error(sparql: str, message: str = "") -> QueryError:
    """A one-line error for *sparql*, which did not parse: the position and what was expected.

    Parameters
    ----------
    sparql : str
        The query as the user wrote it (positions refer to it).
    message : str
        The parser's message (Oxigraph's ``error at LINE:COLUMN: expected ...``), if there is one.

    Examples
    --------
    >>> str(syntax_error("SELECT * WHERE { persn:annet-bertram ?p ?o }"))[:87]
    "not valid SPARQL at line 1, column 18: unknown prefix 'persn:' (did you mean 'person:'?"
    >>> str(syntax_error("SELECT ?x WHERE { ?x foaf:name }", "error at 1:32: expected one of \\"$\\", \\"?\\", \\"<\\""))
    "not valid SPARQL at line 1, column 32: expected a variable or an IRI, found '}'"
    """
    import difflib

    own = declared_prefixes(sparql)
    unknown = [(offset, p) for p, offset in used_prefixes(sparql).items() if p not in own and p not in PREDECLARED]
    if unknown:
        offset, prefix = min(unknown)
        line, col = _line_col(sparql, offset)
        guess = difflib.get_close_matches(prefix, list(PREDECLARED), n=1, cutoff=0.6)
        return QueryError(f"not valid SPARQL at line {line}, column {col}: unknown prefix '{prefix}:' ("
                          + (f"did you mean '{guess[0]}:'? " if guess else "")
                          + "known: " + " ".join(f"{p}:" for p in PREDECLARED)
                          + "; `vitalegraph query --prefixes` lists them, or declare it with PREFIX)")
    quote = re.search(r"[\"']", _blanked(sparql))
    if quote:   # a quote that starts no whole string: the string is not closed
        line, col = _line_col(sparql, quote.start())
        return QueryError(f"not valid SPARQL at line {line}, column {col}: this string is not closed "
                          f"(no closing {quote.group(0)} on its line)")
    m = re.match(r"\s*error at (\d+):(\d+): (.*)", message, re.S)
    if not m:
        detail = " ".join(message.split())
        return QueryError(f"not valid SPARQL: {detail if len(detail) < 200 else detail[:197] + '...'}")
    line, col = int(m.group(1)), int(m.group(2))
    offset = _offset(sparql, line, col)
    expected = " ".join(m.group(3).split())
    expected = expected[len("expected one of "):] if expected.startswith("expected one of ") else \
        expected[len("expected "):] if expected.startswith("expected ") else expected
    words = _expected_words(_split_expected(expected))
    return QueryError(f"not valid SPARQL at line {line}, column {col}: "
                      + (f"expected {words}{_found(sparql, offset)}" if words
                         else "the query ends before it is complete; check its last pattern"
                         if not sparql[offset:].strip() else f"unexpected text{_found(sparql, offset)}"))


def _diagnose(sparql: str, fallback: str = "") -> QueryError:
    """The syntax error of *sparql* as Oxigraph's parser sees it (for a query another parser refused).

    Only called on text that :func:`check_read_only` passed (no SERVICE, no update): Oxigraph parses
    it on an empty store, so a text that it does read costs nothing and reaches nowhere.
    """
    import pyoxigraph as ox

    try:
        ox.Store().query(sparql, prefixes=PREDECLARED)
    except SyntaxError as exc:
        return syntax_error(sparql, str(exc))
    except (ValueError, OSError, RuntimeError):
        pass
    return syntax_error(sparql, fallback)


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


_KEYWORDS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE")


def looks_like_sparql(text: str) -> bool:
    """True for a text meant as SPARQL (even a broken one), False for what can only be a query name.

    SPARQL is a text with a query or update keyword, or a ``{``, or whose first word is a misspelt
    query keyword followed by ``*``, a variable, ``WHERE`` or ``(``.

    >>> [looks_like_sparql(t) for t in ("parties", "SELEC * WHERE { ?s ?p ?o }", "selct ?x", "partys")]
    [False, True, True, False]
    """
    import difflib

    if "{" in text or re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|PREFIX|BASE|INSERT|DELETE|LOAD|CLEAR|DROP|"
                                r"CREATE|WITH)\b", text, re.IGNORECASE):
        return True
    m = re.match(r"\s*([A-Za-z]+)\s*(\*|[?$][A-Za-z_0-9]|WHERE\b|DISTINCT\b|REDUCED\b|\(|<)", text, re.IGNORECASE)
    return bool(m and difflib.get_close_matches(m.group(1).upper(), _KEYWORDS, n=1, cutoff=0.6))


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
        raise _diagnose(sparql, str(exc)) from None
    if result.type == "SELECT":
        cols = [str(v) for v in result.vars]
        return Table(cols, [[_rdflib_cell(row[i]) for i in range(len(cols))] for row in result])
    if result.type == "ASK":
        return Table([], [], bool(result.askAnswer))
    return Table(["subject", "predicate", "object"], [[_rdflib_cell(x) for x in t] for t in result])
