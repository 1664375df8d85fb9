"""The text of a SPARQL query before it runs: is it read-only, which prefixes it uses, and what is wrong with it.

Every route to the dataset (:func:`vitalegraph.query.run_query`, the local endpoint's guard, a
remote endpoint) reads a query through these functions first, so that all refuse the same
queries with the same one-line message. Only SELECT, ASK, CONSTRUCT and DESCRIBE are accepted: a
query that would modify or load data, or call another endpoint (``SERVICE``), is refused.

Hand-written queries may use every prefix that the output prints (``person:``, ``vg:``, ``foaf:``,
... :data:`PREDECLARED`) without declaring it, as on the Wikidata Query Service; a query's own
``PREFIX`` wins. A query that does not parse is reported in one line with its position and what was
expected, in words (:func:`syntax_error`).

Examples
--------
>>> check_read_only("SELECT ?n { ?x foaf:name ?n }")
'SELECT'
>>> sorted(used_prefixes("SELECT ?n { ?x foaf:name ?n . ?x a vg:Person }"))
['foaf', 'vg']
"""

from __future__ import annotations

import re

from ..errors import QueryError
from ..namespaces import PREFIXES

__all__ = ["check_read_only", "looks_like_sparql", "PREDECLARED", "prefix_declarations", "declared_prefixes",
           "used_prefixes", "with_prefixes", "syntax_error", "diagnose"]

_UPDATE = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


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


def diagnose(sparql: str, fallback: str = "") -> QueryError:
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
