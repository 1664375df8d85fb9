"""The built graph: real counts, one node per entity, evidence that gives back its words,
validation that refuses a broken graph, byte-identical and atomic output."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest

from vitalegraph.build import build, build_dataset
from vitalegraph.errors import StatementError, ValidationFailed
from vitalegraph.namespaces import ID, OA, ORG, RDF, VG  # noqa: F401
from vitalegraph.query import load_dataset, run_query

from conftest import ROOT, SOURCES

N = ox.NamedNode


def q(dataset, sparql):
    return run_query(sparql, dataset).records()


def test_counts(built):
    c = built.counts
    assert (c["sources"], c["adoption teams"], c["districts"], c["memberships"]) == (2, 13, 12, 56)
    # 52 distinct persons in the listing, plus Pechtold, Rouvoet, Bos and Karima Belhaj from the prose
    assert c["persons"] == 56
    assert built.warnings == []


def test_same_person_in_two_teams_is_one_node(dataset):
    rows = q(dataset, """PREFIX org: <http://www.w3.org/ns/org#>
        SELECT ?p (COUNT(?m) AS ?n) WHERE { ?m org:member ?p } GROUP BY ?p HAVING (COUNT(?m) > 1) ORDER BY ?p""")
    assert [(r["p"].rsplit("/", 1)[1], r["n"]) for r in rows] == [
        ("annet-bertram", 2), ("rob-kerstens", 2), ("steven-van-eijk", 2)]


def test_every_selector_gives_back_its_quote(dataset):
    texts = {p.name: p.read_bytes().decode("utf-8") for p in SOURCES.glob("*.txt")}
    rows = q(dataset, """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?file ?exact ?start ?end WHERE { ?e oa:hasSource/dct:identifier ?file ; oa:hasSelector ?q, ?p .
        ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end }""")
    assert len(rows) > 200
    for r in rows:
        assert texts[r["file"]][r["start"]:r["end"]] == r["exact"]


def test_every_membership_has_evidence_in_the_listing(dataset):
    rows = q(dataset, "evidence")
    assert len(rows) == 56
    assert len({r["membership"] for r in rows}) == 56
    bertram = [r for r in rows if r["person"] == "Annet Bertram"]
    assert [r["quote"] for r in bertram] == ["Annet Bertram (directeur-generaal VROM)"] * 2
    rouvoet = next(r for r in rows if r["person"] == "André Rouvoet")
    assert "minister André Rouvoet van Jeugd en Gezin" in rouvoet["quote"]


def test_sources_are_described(dataset):
    import hashlib

    rows = q(dataset, """PREFIX dct: <http://purl.org/dc/terms/> PREFIX spdx: <http://spdx.org/rdf/terms#>
        PREFIX vg: <https://w3id.org/vitalegraph/def#>
        SELECT ?file ?sha ?type ?earliest WHERE { ?d a vg:SourceDocument ; dct:identifier ?file ; dct:type ?type ;
        spdx:checksum/spdx:checksumValue ?sha . OPTIONAL { ?d vg:earliestDate ?earliest } } ORDER BY ?file""")
    assert [r["file"] for r in rows] == ["000_23f3bdf0ae401321.txt", "004_157f315819f9f14b.txt"]
    for r in rows:
        assert r["sha"] == hashlib.sha256((SOURCES / r["file"]).read_bytes()).hexdigest()
    assert rows[0]["type"].endswith("#PressRelease") and rows[1]["type"].endswith("#ProjectPage")
    assert (rows[0]["earliest"], rows[1]["earliest"]) == ("2005", "2009-03")


def test_shacl_rejects_a_broken_graph(built):
    from vitalegraph.pipeline.validation import to_rdflib, validate
    from vitalegraph.paths import SHAPES

    membership = next(q.subject for q in built.quads if q.predicate == N(str(ORG.member)))
    broken = {x for x in built.quads if not (x.subject == membership and x.predicate == N(str(ORG.role)))}
    report = validate(to_rdflib(broken), SHAPES)
    assert not report.conforms
    assert [v.key() for v in report.violations] == [
        (membership.value, "https://w3id.org/vitalegraph/shapes#MembershipShape", str(ORG.role))]
    assert "violates vgs:MembershipShape (org:role)" in str(report.violations[0])


def _mutations(quads):
    """Broken variants of the seed graph, each breaking a different kind of constraint."""
    def first(pred):
        return next(q for q in sorted(quads, key=str) if q.predicate == N(pred))
    m = first(str(ORG.member))
    start = first(str(OA.start))
    team = first("https://schema.org/areaServed")
    sel = first(str(OA.hasSelector))
    yield "no role", {q for q in quads if not (q.subject == m.subject and q.predicate == N(str(ORG.role)))}
    yield "two members", quads | {ox.Quad(m.subject, m.predicate, team.subject, m.graph_name)}
    yield "wrong datatype", (quads - {start}) | {ox.Quad(start.subject, start.predicate, ox.Literal("12"), start.graph_name)}
    yield "negative offset", (quads - {start}) | {ox.Quad(start.subject, start.predicate,
                                                          ox.Literal("-3", datatype=N("http://www.w3.org/2001/XMLSchema#integer")), start.graph_name)}
    yield "district not a district", (quads - {team}) | {ox.Quad(team.subject, team.predicate, m.object, team.graph_name)}
    yield "bad CBS code", quads | {ox.Quad(N(str(ID) + "municipality/amsterdam"), N(str(VG.cbsCode)), ox.Literal("363"), team.graph_name)}
    yield "selector missing", {q for q in quads if q != sel}
    other = next(q for q in sorted(quads, key=str) if q.predicate == sel.predicate and q.subject != sel.subject)
    yield "two selectors of a kind", quads | {ox.Quad(sel.subject, sel.predicate, other.object, sel.graph_name)}


def test_sparql_route_rejects_the_same_broken_graphs(built):
    import pyoxigraph as ox_
    from vitalegraph.paths import SHAPES
    from vitalegraph.pipeline.validation import to_rdflib, validate, validate_store

    def fast(quads):
        store = ox_.Store()
        store.extend(quads)
        return validate_store(store, SHAPES)

    def merged(quads):   # as the build validates: the distinct triples in the default graph only
        store = ox_.Store()
        store.extend(ox_.Quad(q.subject, q.predicate, q.object) for q in quads)
        return validate_store(store, SHAPES, union=False)

    assert fast(built.quads).conforms and merged(built.quads).conforms
    for name, broken in _mutations(set(built.quads)):
        slow_report, fast_report = validate(to_rdflib(broken), SHAPES), fast(broken)
        assert not slow_report.conforms, name
        assert [v.key() for v in fast_report.violations] == [v.key() for v in slow_report.violations], name
        assert merged(broken).violations == fast_report.violations, name


def test_build_refuses_to_write_an_invalid_graph(tmp_path, monkeypatch):
    shapes = tmp_path / "shapes.ttl"
    # a stricter shape the seed graph does not meet: every person must have two names
    shapes.write_text((ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8").replace(
        "sh:path foaf:name ; sh:minCount 1", "sh:path foaf:name ; sh:minCount 2"), encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(ValidationFailed, match=r"violates vgs:PersonShape \(foaf:name\)"):
        build(SOURCES, out, shapes=shapes)
    assert not out.exists()


def test_curated_quote_must_be_in_its_source(tmp_path):
    st = tmp_path / "statements"
    st.mkdir()
    text = (ROOT / "data" / "statements" / "004_157f315819f9f14b.toml").read_text(encoding="utf-8")
    (st / "004_157f315819f9f14b.toml").write_text(text.replace("(De Pers, 18 jan 2008)", "(De Pers, 19 jan 2008)"),
                                                  encoding="utf-8")
    with pytest.raises(StatementError, match=r"\[\[publication\]\] #1 \(de-pers-2008-01-18\): quote not found"):
        build_dataset(SOURCES, st)


def _graph_without_evidence(quads):
    """Triples that do not involve evidence nodes, checksums or offsets (they depend on the bytes), nor
    the texts (their strings and offsets are the bytes; tests/pipeline/test_text.py checks a CRLF copy)."""
    ev, cs = str(ID) + "evidence/", str(ID) + "source/"
    texts = tuple(str(ID) + kind for kind in ("text/", "paragraph/", "sentence/", "phrase/"))
    return {(t.subject, t.predicate, t.object) for t in quads
            if not str(t.subject.value).startswith(ev) and not str(t.subject.value).startswith(texts) and not str(getattr(t.object, "value", "")).startswith(ev)
            and not (str(t.subject.value).startswith(cs) and t.subject.value.endswith("-sha256"))
            and "dc/terms/extent" not in t.predicate.value}


def test_crlf_and_nbsp_variants_give_the_same_graph(built, sources_copy):
    page = sources_copy / "004_157f315819f9f14b.txt"
    page.write_bytes(page.read_bytes().decode().replace(" (", "\u00a0(").replace("\n", "\r\n").encode())
    variant = build_dataset(sources_copy)
    assert _graph_without_evidence(variant.quads) == _graph_without_evidence(built.quads)


def test_appended_team_appears(sources_copy, tmp_path):
    page = sources_copy / "004_157f315819f9f14b.txt"
    page.write_bytes(page.read_bytes() + (
        "\n\nGroningen,\nDe Hoogte\n\nToelichting (pdf-bestand)\n\nWerk en wonen\n"
        " • Anna Jansen (wethouder, PvdA)\n • Annet Bertram (directeur-generaal VROM)\n"
        " • Els de Wit (Nyenrode)\n • Kees Mol (staatssecretaris van Economische Zaken)\n").encode())
    result = build(sources_copy, tmp_path / "out")
    assert result.counts["adoption teams"] == 14 and result.counts["districts"] == 13
    assert any("unknown municipality 'Groningen'" in w for w in result.warnings)
    ds = load_dataset(tmp_path / "out" / "vitalegraph.ttl")
    bertram = next(r for r in q(ds, "multi-team-actors") if r["name"] == "Annet Bertram")
    assert bertram["teams"] == 3 and "De Hoogte" in bertram["districts"]


def test_byte_identical_twice(tmp_path):
    a, b = build(SOURCES, tmp_path / "a"), build(SOURCES, tmp_path / "b")
    for fa, fb in zip(a.files, b.files):
        assert fa.read_bytes() == fb.read_bytes()


def test_one_sort_gives_the_turtle_and_trig_of_two(built):
    from vitalegraph.pipeline.graph import build_quad_tuples
    from vitalegraph.paths import ONTOLOGY
    from vitalegraph.pipeline.serialize import dataset_bytes, trig_bytes, turtle_bytes

    ttl, trig = dataset_bytes(built.quads)
    assert ttl == turtle_bytes(built.quads) and trig == trig_bytes(built.quads)
    assert ttl == built.files[0].read_bytes() and trig == built.files[1].read_bytes()
    assert trig.count(b"GRAPH") == 0 and trig.count(b" {\n") >= 3   # one block per named graph
    # the graph stage hands its quads over in the order written; any other order gives the same bytes
    written = list(build_quad_tuples(built.model, ONTOLOGY))
    assert dataset_bytes(written) == dataset_bytes(written[::-1]) == dataset_bytes(sorted(written, key=str)) == (ttl, trig)


def test_committed_dataset_is_current(built):
    committed = ROOT / "data" / "vitalegraph.ttl"
    assert committed.read_bytes() == built.files[0].read_bytes(), \
        "data/vitalegraph.ttl is stale: run `vitalegraph build` and commit it"


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "vitalegraph", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("content, expected", [
    ("Caf\u00e9".encode("latin-1"), "004_157f315819f9f14b.txt:1: not valid UTF-8"),
    (b"", "004_157f315819f9f14b.txt:1: empty file"),
    ("Utrecht,\nOvervecht\n\nToelichting (pdf-bestand)\n\nThema\n • A B (wethouder, PvdA\n".encode(),
     "004_157f315819f9f14b.txt:7: bullet in team 'Utrecht, Overvecht' without a closing parenthesis"),
    ("Utrecht,\nOvervecht\n\nToelichting (pdf-bestand)\n\nThema\n\nEinde\n".encode(),
     "004_157f315819f9f14b.txt:6: team 'Utrecht, Overvecht' without members"),
])
def test_bad_source_stops_the_build_and_keeps_the_old_dataset(sources_copy, tmp_path, content, expected):
    out = tmp_path / "out"
    good = run_cli("build", "--sources", sources_copy, "--out", out)
    assert good.returncode == 0, good.stderr
    before = (out / "vitalegraph.ttl").read_bytes()
    (sources_copy / "004_157f315819f9f14b.txt").write_bytes(content)
    bad = run_cli("build", "--sources", sources_copy, "--out", out)
    assert bad.returncode == 1
    assert bad.stderr.startswith(f"vitalegraph: error: {expected}")
    assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    assert (out / "vitalegraph.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["network", "pictures", "vitalegraph.trig", "vitalegraph.ttl", "void.ttl"]
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]     # no half-written temporary file


def test_cli_build_summary(tmp_path):
    r = run_cli("build", "--out", tmp_path)
    assert r.returncode == 0, r.stderr
    for line in ("adoption teams       13", "persons              56", "districts            12",
                 "validation       conforms to the SHACL shapes"):
        assert line in r.stdout


def test_build_pauses_the_garbage_collector_and_restores_it(sources_copy, tmp_path):
    import gc

    from vitalegraph.build import build
    from vitalegraph.errors import SourceError

    during: list[bool] = []
    assert gc.isenabled()
    build(sources_copy, tmp_path / "out", networks=False, progress=lambda stage: during.append(gc.isenabled()))
    assert during and not any(during) and gc.isenabled()
    gc.disable()
    try:
        build(sources_copy, tmp_path / "out2", networks=False)
        assert not gc.isenabled()  # a build does not switch on a collector the caller switched off
    finally:
        gc.enable()
    (sources_copy / "004_157f315819f9f14b.txt").write_bytes(b"")
    with pytest.raises(SourceError):
        build(sources_copy, tmp_path / "out3", networks=False)
    assert gc.isenabled()         # a failed build gives the collector back too
