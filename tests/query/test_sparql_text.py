"""SPARQL a researcher can type: predeclared prefixes, readable syntax errors, typos, standard input.

The prefixes the table output prints work in hand-written queries on both local engines and through
``--endpoint`` (``tests/endpoint/test_guard.py`` checks the ``serve`` front); a query's own PREFIX wins.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from vitalegraph.errors import QueryError
from vitalegraph.query.engine import load_dataset, resolve_query, run_query
from vitalegraph.query.sparql import (PREDECLARED, declared_prefixes, looks_like_sparql, prefix_declarations,
                                      used_prefixes, with_prefixes)
from vitalegraph.namespaces import _SORTED_PREFIXES

BERTRAM = "SELECT ?name WHERE { person:annet-bertram foaf:name ?name }"


def cli(*args: str, stdin: str | None = None, data=None) -> subprocess.CompletedProcess:
    extra = ["--data", str(data)] if data is not None and args[:1] == ("query",) else []
    return subprocess.run([sys.executable, "-m", "vitalegraph", *args, *extra], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=120)


def one_line_error(done: subprocess.CompletedProcess, *needles: str) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def engines(built):
    return {"oxigraph": load_dataset(built.files[0]), "rdflib": load_dataset(built.files[0], "rdflib")}


# ---------------------------------------------------------------- predeclared prefixes
def test_every_prefix_the_output_prints_is_predeclared():
    assert {p for p, _ns in _SORTED_PREFIXES} == set(PREDECLARED)
    for prefix in ("person", "team", "vg", "org", "foaf", "skos", "party", "dct", "prov"):
        assert prefix in PREDECLARED
    lines = prefix_declarations().splitlines()
    assert len(lines) == len(PREDECLARED) and all(ln.startswith("PREFIX ") for ln in lines)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_hand_written_query_with_printed_prefixes(engines, engine):
    assert run_query(BERTRAM, engines[engine]).records() == [{"name": "Annet Bertram"}]
    ministry = run_query("SELECT DISTINCT ?d WHERE { ?m org:member person:annet-bertram ; vg:affiliation ?d . "
                         "?d a vg:Ministry }", engines[engine])
    assert [r["d"] for r in ministry.records()] == ["https://w3id.org/vitalegraph/id/department/vrom"]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_querys_own_prefix_wins(engines, engine):
    mine = "PREFIX person: <http://example.org/other/> SELECT ?x WHERE { BIND(person:a AS ?x) }"
    assert run_query(mine, engines[engine]).records() == [{"x": "http://example.org/other/a"}]


def test_with_prefixes_adds_only_what_is_used_and_undeclared():
    text = "PREFIX foaf: <http://example.org/f/>\nSELECT ?n { person:x foaf:name ?n . FILTER(?n != 'vg:no') } # skos:"
    out = with_prefixes(text)
    assert out.endswith(text)
    assert out[: -len(text)] == "PREFIX person: <https://w3id.org/vitalegraph/id/person/>\n"
    assert declared_prefixes(text) == {"foaf"}
    assert set(used_prefixes(text)) == {"person", "foaf"}
    assert with_prefixes("SELECT * { ?s ?p ?o }") == "SELECT * { ?s ?p ?o }"
    assert used_prefixes("SELECT ?x { _:b :p ?x . ?x ?p 'a:b' }") == {"": 16}


def test_endpoint_route_sends_the_prefix_lines(monkeypatch):
    """What ``--endpoint`` sends: the query with the PREFIX lines it needs before it."""
    import SPARQLWrapper

    from vitalegraph.endpoint.remote import run_remote_query

    sent = []

    def fake_set_query(self, query):   # SPARQLWrapper's constructor sets a default query first
        sent.append(query)
        if "person:" in query:
            raise RuntimeError("stop here")

    monkeypatch.setattr(SPARQLWrapper.SPARQLWrapper, "setQuery", fake_set_query)
    with pytest.raises(RuntimeError, match="stop here"):
        run_remote_query(BERTRAM, "http://127.0.0.1:1/query")
    assert sent[-1:] == ["PREFIX person: <https://w3id.org/vitalegraph/id/person/>\n"
                    "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n" + BERTRAM]


def test_cli_prefixes_lists_them():
    done = cli("query", "--prefixes")
    assert done.returncode == 0 and done.stdout == prefix_declarations()
    assert "PREFIX person: <https://w3id.org/vitalegraph/id/person/>" in done.stdout.splitlines()


# ---------------------------------------------------------------- readable syntax errors
@pytest.mark.parametrize("sparql, expected", [
    ("SELECT * WHERE { persn:annet-bertram ?p ?o }",
     "not valid SPARQL at line 1, column 18: unknown prefix 'persn:' (did you mean 'person:'? known: vg: "),
    ("SELECT ?x WHERE { ?x foaf:name }",
     "not valid SPARQL at line 1, column 32: expected a variable, an IRI, a literal, a blank node, '(' or '.', "
     "found '}'"),
    ("SELECT ?n WHERE {\n  person:annet-bertram foaf:name ?n\n  BIND(?n AS )\n}",
     "not valid SPARQL at line 3, column 14: expected a variable, found ')'"),
    ("SELECT * WHERE { ?s ?p ?o ", "not valid SPARQL at line 1, column 27: expected '{', '}', '.', ',' or ';', "
                                   "but the query ends there"),
    ("SELECT ?x WHERE { ?x ?p \"unterminated }",
     "not valid SPARQL at line 1, column 25: this string is not closed (no closing \" on its line)"),
    ("SELECT ?x WHERE { ?x a vg:AdoptionTeam } ORDER ?x",
     "not valid SPARQL at line 1, column 50: expected BY, but the query ends there"),
    ("SELEC * WHERE { ?s ?p ?o }",
     "not valid SPARQL at line 1, column 1: expected SELECT, ASK, CONSTRUCT or DESCRIBE, found 'SELEC' "
     "(did you mean SELECT?)"),
    ("SELECT ?x WHERE { ?x ?p }", "not valid SPARQL at line 1, column 26: the query ends before it is complete"),
])
@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_syntax_errors_in_words(engines, engine, sparql, expected):
    with pytest.raises(QueryError) as err:
        run_query(sparql, engines[engine])
    message = str(err.value)
    assert message.startswith(expected), message
    assert "\n" not in message and "\\u{" not in message and "['" not in message


@pytest.mark.parametrize("text, sparql", [
    ("parties", False), ("partys", False), ("no-such-query", False),
    ("SELEC * WHERE { ?s ?p ?o }", True), ("selec ?x where", True), ("Selet * where", True),
    ("{ ?s ?p ?o }", True), ("describe <http://x>", True), ("prefix", True),
])
def test_what_looks_like_sparql(text, sparql):
    assert looks_like_sparql(text) is sparql


def test_unknown_name_close_to_a_named_query_is_suggested():
    with pytest.raises(QueryError, match=r"unknown query 'partys'; did you mean 'parties'\?"):
        resolve_query("partys")
    with pytest.raises(QueryError, match=r"unknown query 'teem'; did you mean 'teams'\?"):
        resolve_query("teem")
    with pytest.raises(QueryError) as err:
        resolve_query("no-such-query")
    assert "did you mean" not in str(err.value)


def test_cli_typo_is_invalid_sparql_not_an_unknown_name(built):
    one_line_error(cli("query", "SELEC * WHERE { ?s ?p ?o }", data=built.files[0]),
                   "not valid SPARQL at line 1, column 1", "did you mean SELECT?")
    one_line_error(cli("query", "partys", data=built.files[0]), "did you mean 'parties'?")
    one_line_error(cli("query", "SELECT * WHERE { persn:x ?p ?o }", data=built.files[0]),
                   "unknown prefix 'persn:'", "did you mean 'person:'?")


def test_unicode_escaped_service_is_refused(engines):
    """rdflib's parser expands \\u escapes before parsing, so this is SERVICE to the rdflib engine."""
    for engine in engines.values():
        with pytest.raises(QueryError, match="refused: SERVICE"):
            run_query(r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", engine)


# ---------------------------------------------------------------- vitalegraph query -
def test_query_from_standard_input(built):
    done = cli("query", "-", "--format", "csv", stdin=BERTRAM + "\n", data=built.files[0])
    assert done.returncode == 0, done.stderr
    assert done.stdout == "name\nAnnet Bertram\n"
    multi = "# Who is she?\nSELECT ?name\nWHERE { person:annet-bertram foaf:name ?name }\n"
    assert cli("query", "-", "--format", "csv", stdin=multi, data=built.files[0]).stdout == "name\nAnnet Bertram\n"
    named = cli("query", "-", "--format", "csv", stdin="parties\n", data=built.files[0])
    assert named.returncode == 0 and named.stdout.startswith("party,name,members,who\n")


def test_empty_standard_input_is_a_one_line_error(built):
    one_line_error(cli("query", "-", stdin="", data=built.files[0]), "no query on standard input")
    one_line_error(cli("query", "-", stdin="SELECT ?x WHERE {\n  ?x ?p\n", data=built.files[0]),
                   "not valid SPARQL at line ")
