"""Each named query answers its question on the built graph; bad queries are refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from vitalegraph.errors import DataFileError, QueryError
from vitalegraph.query.output import render
from vitalegraph.query import check_read_only, load_dataset, named_queries, run_query

from conftest import ROOT


def rows(dataset, name):
    return run_query(name, dataset).records()


def test_named_queries_are_listed_with_their_question():
    named = named_queries()
    # one name, one meaning: `network district-links` (a person or a ministry) is not a query name
    assert "district-links" not in named
    assert {"teams", "members", "multi-team-actors", "ministry-districts", "shared-member-districts", "parties", "cities",
            "name-variants", "evidence", "projects", "evaluations"} <= set(named)
    assert {"sentences", "mentions"} <= set(named)
    assert all(q.question for q in named.values())


def test_teams(dataset):
    r = rows(dataset, "teams")
    assert len(r) == 13
    assert {x["municipality"] for x in r} == {"Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Zaanstad",
                                              "Den Helder", "Heerlen", "Hengelo", "Deventer", "Emmen", "Haarlem"}
    assert {"municipality": "Deventer", "district": "Rivierenwijk", "theme": "Infrastructuur"}.items() <= \
        next(x for x in r if x["district"] == "Rivierenwijk").items()


def test_members(dataset):
    r = rows(dataset, "members")
    assert len(r) == 56
    later = [x for x in r if x["laterChange"]]
    assert [(x["person"], x["role"], x["affiliation"], x["from"], x["asOf"]) for x in later] == [
        ("André Rouvoet", "member of the cabinet", "Jeugd en Gezin", None, "2007-03")]
    noom = next(x for x in r if x["person"] == "Carla Noom")
    assert (noom["role"], noom["affiliation"]) == ("municipal representative", "Partij van de Arbeid")
    scheepbouwer = next(x for x in r if x["person"] == "Ad Scheepbouwer")
    assert (scheepbouwer["role"], scheepbouwer["affiliation"]) == ("independent expert", "KPN")
    roles = [x["role"] for x in r if not x["laterChange"]]
    assert roles.count("director-general") == 13 and roles.count("member of the cabinet") == 14  # Den Haag has two


def test_multi_team_actors(dataset):
    r = {x["name"]: x for x in rows(dataset, "multi-team-actors")}
    assert set(r) == {"Annet Bertram", "Rob Kerstens", "Steven van Eijk"}
    assert set(r["Annet Bertram"]["districts"].split("; ")) == {"Overtoomse Veld", "Overvecht"}
    assert r["Rob Kerstens"]["teams"] == 2 and r["Rob Kerstens"]["districtCount"] == 1


def test_ministry_districts(dataset):
    r = {x["name"]: x for x in rows(dataset, "ministry-districts")}
    top = sorted((x["districtCount"], n) for n, x in r.items())[-4:]
    assert {n for _c, n in top} == {"Binnenlandse Zaken en Koninkrijksrelaties", "Justitie",
                                    "Sociale Zaken en Werkgelegenheid",
                                    "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"}
    assert all(c == 3 for c, _n in top)
    assert r["Defensie"]["districtCount"] == 0 and r["Defensie"]["districts"] is None
    # each district beside the ministry's own officials in its team, sorted: no second list to pair up
    assert r["Landbouw, Natuur en Voedselkwaliteit"]["districts"] == \
        "Revisited (André van der Zande); Rivierenwijk (Cees Veerman)"
    assert r["Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"]["districts"] == \
        "Overtoomse Veld (Annet Bertram); Overvecht (Annet Bertram); Zuidwest (Sybilla Dekker)"
    assert r["Onderwijs, Cultuur en Wetenschap"]["districts"] == \
        "MSP (Stad Oost) (Maria van der Hoeven); Zuid (Pendrecht, Bloemhof, Hillesluis) (Bruno Bruins, Rob Kerstens)"


def test_shared_member_districts(dataset):
    r = rows(dataset, "shared-member-districts")
    pairs = {frozenset((x["district1"], x["district2"])): x["linkedBy"] for x in r}
    assert pairs == {frozenset(("Overtoomse Veld", "Overvecht")): "Annet Bertram",
                     frozenset(("Overtoomse Veld", "Zuid (Pendrecht, Bloemhof, Hillesluis)")): "Steven van Eijk"}


def test_parties(dataset):
    r = {x["name"]: x["members"] for x in rows(dataset, "parties")}
    assert r == {"Partij van de Arbeid": 9, "Christen-Democratisch Appèl": 2, "Socialistische Partij": 1}


def test_cities(dataset):
    r = {x["name"]: x for x in rows(dataset, "cities")}
    assert len(r) == 11
    assert sum(1 for x in r.values() if x["inPressRelease"]) == 8
    assert r["Zaanstad"]["pressReleaseSpelling"] == "Zaandam"
    assert not r["Deventer"]["inPressRelease"] and r["Deventer"]["pressReleaseSpelling"] is None
    assert set(r["Amsterdam"]["districts"].split("; ")) == {"Nieuw West", "Overtoomse Veld"}


def test_name_variants(dataset):
    r = {x["name"]: x["spellings"] for x in rows(dataset, "name-variants")}
    assert "Jan van de Bos [004_157f315819f9f14b.txt]" in r["Jan van der Bos"]
    assert "Overtoomseveld [004_157f315819f9f14b.txt]" in r["Overtoomse Veld"]
    assert "Zaanstad" not in r        # Zaandam is a place in Zaanstad, not a spelling of its name
    assert "Landbouw, Natuur en Voedselveiligheid [004_157f315819f9f14b.txt]" in \
        r["Landbouw, Natuur en Voedselkwaliteit"]
    assert "Gerrit Zalm" not in r     # "minister Zalm" is a short reference, not another spelling


def test_name_variants_count_the_mentions(dataset):
    r = {x["name"]: x for x in rows(dataset, "name-variants")}
    assert (r["Jan van der Bos"]["mentions"], r["Jan van der Bos"]["ambiguousMentions"]) == (2, 0)
    assert r["Overtoomse Veld"]["mentions"] == 2     # "Overtoomse Veld" and "Overtoomseveld"


def _source(name):
    return (ROOT / "data" / "sources" / name).read_bytes().decode("utf-8")


def test_sentences(dataset):
    r = rows(dataset, "sentences")
    assert all(_source(x["file"])[x["start"]:x["end"]] == x["words"] for x in r)
    bertram = [x for x in r if x["entity"].endswith("/person/annet-bertram")]
    assert [x["words"] for x in bertram] == ["• Annet Bertram (directeur-generaal VROM)"] * 2
    assert [x["start"] for x in bertram] == [3642, 4768]
    # the sentences that mention both a person and a ministry, and both a district and a municipality
    by_sentence = {}
    for x in r:
        by_sentence.setdefault(x["sentence"], set()).add(x["entity"].split("/id/")[1].split("/")[0])
    assert sum(1 for kinds in by_sentence.values() if {"department", "person"} <= kinds) == 31
    assert sum(1 for kinds in by_sentence.values() if {"district", "municipality"} <= kinds) == 9


def test_mentions(dataset):
    r = rows(dataset, "mentions")
    assert len(r) == 202 and all(_source(x["file"])[x["start"]:x["end"]] == x["words"] for x in r)
    assert {x["rule"] for x in r if x["link"] == "linked"} == {"known name", "surname in department", "statement reading"}
    bos = [(x["words"], x["start"], x["link"], x["rule"]) for x in r if x["entity"].endswith("/person/bos")]
    assert bos == [("Bos", 7947, "linked", "surname in department"), ("Bos", 8588, "linked", "statement reading")]
    assert [x for x in r if x["link"] == "ambiguous"] == []     # the seeds' one surname alone is read by a statement
    dekker = [(x["words"], x["link"], x["rule"]) for x in r if x["entity"].endswith("/person/sybilla-dekker")]
    assert ("Dekker", "linked", "statement reading") in dekker


def test_projects_and_evaluations(dataset):
    p = {x["name"]: x for x in rows(dataset, "projects")}
    cc = p["Community Centers in Amsterdam Nieuw West"]
    assert (cc["amount"], cc["currency"], cc["date"]) == (700000, "EUR", "2007-04")
    e = rows(dataset, "evaluations")
    stance = {(x["about"], x["stance"]) for x in e}
    assert {("Haarlem", "positive"), ("Emmen", "positive"), ("Rotterdam", "positive"),
            ("Zaanstad", "less satisfied"), ("Den Haag", "less satisfied")} <= stance


def test_rdflib_gives_the_same_rows(built, dataset):
    other = load_dataset(built.files[0], "rdflib")
    for name in named_queries():
        a, b = run_query(name, dataset), run_query(name, other)
        norm = lambda t: sorted(tuple(sorted(str(v).split("; ")) if v is not None else () for v in row.values())
                                for row in t.records())  # noqa: E731
        assert a.columns == b.columns and norm(a) == norm(b), name


@pytest.mark.parametrize("sparql, word", [
    ("INSERT DATA { <http://x> <http://y> <http://z> }", "INSERT"),
    ("PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }", "DELETE"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
    ("CLEAR ALL", "CLEAR"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
])
def test_modifying_queries_are_refused(sparql, word):
    with pytest.raises(QueryError, match=word):
        check_read_only(sparql)


def test_keywords_inside_strings_are_not_refused(dataset):
    r = run_query('SELECT ?x WHERE { BIND("DELETE everything; SERVICE" AS ?x) }', dataset)
    assert r.records() == [{"x": "DELETE everything; SERVICE"}]


def test_output_formats(dataset):
    t = run_query("parties", dataset)
    j = json.loads(render(t, "json"))
    assert j["head"]["vars"] == t.columns and len(j["results"]["bindings"]) == 3
    assert j["results"]["bindings"][0]["members"] == {
        "type": "literal", "value": "9", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    csv_lines = render(t, "csv").splitlines()
    assert csv_lines[0] == "party,name,members,who" and csv_lines[1].startswith("https://w3id.org/vitalegraph/id/party/pvda,")
    table = render(t, "table").splitlines()
    assert table[0].split() == ["party", "name", "members", "who"] and table[-1] == "(3 rows)"
    assert "party:pvda" in table[2]


def test_csv_neutralises_formulas(dataset):
    t = run_query('SELECT ?x WHERE { VALUES ?x { "=1+1" "@SUM(A1)" "-2" "ok" } }', dataset)
    assert render(t, "csv").splitlines()[1:] == ["'=1+1", "'@SUM(A1)", "'-2", "ok"]


def test_missing_data_file_says_how_to_build(tmp_path):
    with pytest.raises(DataFileError, match="run `vitalegraph build` first"):
        load_dataset(tmp_path / "none.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(DataFileError, match="not a readable RDF file"):
        load_dataset(bad)


@pytest.mark.parametrize("args, code, message", [
    (["query", "INSERT DATA { <http://x> <http://y> <http://z> }"], 2, "refused: INSERT"),
    (["query", "no-such-query"], 2, "unknown query 'no-such-query'"),
    (["query", "SELECT ?x WHERE {"], 2, "not valid SPARQL"),
    (["query", "missing.rq"], 2, "no such query file: missing.rq"),
    (["query", "teams", "--data", "nowhere.ttl"], 2, "nowhere.ttl: no such data file"),
])
def test_cli_errors_are_one_line(built, args, code, message):
    r = subprocess.run([sys.executable, "-m", "vitalegraph", *args, *([] if "--data" in args else ["--data", str(built.files[0])])],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == code
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_cli_query_file_and_csv(built, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("PREFIX vg: <https://w3id.org/vitalegraph/def#>\nSELECT (COUNT(?t) AS ?n) WHERE { ?t a vg:AdoptionTeam }\n")
    r = subprocess.run([sys.executable, "-m", "vitalegraph", "query", str(rq), "--data", str(built.files[0]),
                        "--format", "csv"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout == "n\n13\n"


def test_runaway_query_stops_at_the_timeout(dataset):
    import time

    start = time.perf_counter()
    with pytest.raises(QueryError, match=r"stopped after 1 s \(--timeout\)"):
        run_query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", dataset, timeout=1)
    assert time.perf_counter() - start < 5
    assert len(run_query("teams", dataset, timeout=10).rows) == 13     # a normal query is unaffected


def test_oxigraph_rows_read_from_tsv_equal_the_terms(dataset):
    """The TSV route gives the very cells that reading each term from pyoxigraph gives, on every
    named query and on literals that need escapes, other datatypes, languages and unbound cells."""
    import pyoxigraph as ox

    from vitalegraph.query.engine import Dataset, _ox_cell, resolve_query

    def by_terms(ds, sparql):
        return [[_ox_cell(sol[i]) for i in range(len(sol))]
                for sol in ds.store.query(sparql, use_default_graph_as_union=ds.union)]

    assert dataset.engine == "oxigraph"
    for name in named_queries():
        table = run_query(name, dataset)
        assert table.rows == by_terms(dataset, resolve_query(name)[1]), name
    xsd = "http://www.w3.org/2001/XMLSchema#"
    values = [ox.Literal('tab\there\nnew "quoted" back\\slash\r'), ox.Literal("wijk", language="nl"),
              ox.Literal("+012", datatype=ox.NamedNode(xsd + "integer")), ox.Literal("-3", datatype=ox.NamedNode(xsd + "integer")),
              ox.Literal("1.50", datatype=ox.NamedNode(xsd + "decimal")), ox.Literal("5.", datatype=ox.NamedNode(xsd + "decimal")),
              ox.Literal("1e3", datatype=ox.NamedNode(xsd + "double")), ox.Literal("1.0E-2", datatype=ox.NamedNode(xsd + "double")),
              ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean")), ox.Literal("TRUE", datatype=ox.NamedNode(xsd + "boolean")),
              ox.Literal("2007-01-01", datatype=ox.NamedNode(xsd + "date")), ox.Literal("x", datatype=ox.NamedNode("http://x/t")),
              ox.Literal("\u0001ü€😀\u2028"), ox.Literal(""), ox.NamedNode("http://x/é"), ox.BlankNode("b1"),
              ox.Literal("abc", datatype=ox.NamedNode(xsd + "integer"))]
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"http://x/{i:02d}"), ox.NamedNode("http://x/p"), v) for i, v in enumerate(values))
    ds = Dataset(Path("adversarial"), "oxigraph", store)
    for sparql in ("SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s <http://x/q> ?none } } ORDER BY ?s",
                   "SELECT ?none WHERE { OPTIONAL { ?s <http://x/q> ?none } }",
                   "SELECT ?s WHERE { ?s <http://x/q> ?o }"):
        table = run_query(sparql, ds)
        assert table.rows == by_terms(ds, sparql)
    assert len(run_query("SELECT ?o WHERE { ?s ?p ?o }", ds).rows) == len(values)
    assert run_query("SELECT ?none WHERE { OPTIONAL { ?s <http://x/q> ?none } }", ds).rows == [[None]]
