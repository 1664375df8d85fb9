"""``vitalegraph export`` (six formats), the JSON-LD context, ``describe`` (VoID/DCAT) and the ontology docs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from vitalegraph.dataset.export import EXTENSIONS, FORMATS, RDFLIB_FORMATS, export, export_bytes

ROOT = Path(__file__).resolve().parents[2]
DATASET_FORMATS = ("trig", "nquads")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vitalegraph", *args], cwd=ROOT, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def trig(built) -> Path:
    return next(f for f in built.files if f.suffix == ".trig")


@pytest.fixture(scope="module")
def source_graph(built) -> rdflib.Graph:
    return rdflib.Graph().parse(str(next(f for f in built.files if f.suffix == ".ttl")), format="turtle")


@pytest.fixture(scope="module")
def source_quads(trig) -> set:
    return set(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))


def _merged(body: bytes, fmt: str) -> rdflib.Graph:
    """An export read back with rdflib, every graph merged."""
    if fmt in DATASET_FORMATS:
        ds = rdflib.Dataset()
        ds.parse(data=body, format=RDFLIB_FORMATS[fmt])
        g = rdflib.Graph()
        for s, p, o, _c in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return rdflib.Graph().parse(data=body, format=RDFLIB_FORMATS[fmt])


# ---------------------------------------------------------------- round trips
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_reads_back_isomorphic(fmt, trig, source_graph, built):
    body = export(trig, fmt)
    back = _merged(body, fmt)
    assert len(back) == len(source_graph) == built.counts["triples"]
    assert isomorphic(back, source_graph)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_reads_back_with_oxigraph_too(fmt, trig, source_quads):
    body = export(trig, fmt)
    parsed = set(ox.parse(body, format={"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
                                        "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
                                        "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}[fmt]))
    if fmt in DATASET_FORMATS:
        assert parsed == source_quads  # the named graphs are kept
    else:
        assert {q.triple for q in parsed} == {q.triple for q in source_quads}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_is_byte_identical_twice(fmt, trig, tmp_path):
    a, b = tmp_path / f"a{EXTENSIONS[fmt]}", tmp_path / f"b{EXTENSIONS[fmt]}"
    for out in (a, b):
        done = run_cli("export", "--format", fmt, "--data", str(trig), "--out", str(out))
        assert done.returncode == 0, done.stderr
    assert a.read_bytes() == b.read_bytes() == export(trig, fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([a.name, b.name])  # no temporary files left


def test_export_does_not_depend_on_input_order(trig, source_quads):
    import random

    quads = list(source_quads)
    random.Random(7).shuffle(quads)
    for fmt in FORMATS:
        assert export_bytes(quads, fmt) == export(trig, fmt)


def test_export_to_stdout_equals_file(trig, tmp_path):
    out = tmp_path / "v.jsonld"
    assert run_cli("export", "-f", "jsonld", "--data", str(trig), "-o", str(out)).returncode == 0
    done = run_cli("export", "-f", "jsonld", "--data", str(trig))
    assert done.returncode == 0 and done.stdout == out.read_bytes()


def test_export_of_a_turtle_file_in_trig_puts_everything_in_the_default_graph(built, tmp_path):
    ttl = next(f for f in built.files if f.suffix == ".ttl")
    quads = set(ox.parse(export(ttl, "nquads"), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == built.counts["triples"]
    assert all(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)


def test_export_errors_are_one_line(tmp_path):
    done = run_cli("export", "-f", "turtle", "--data", str(tmp_path / "missing.ttl"))
    assert done.returncode == 2
    err = done.stderr.decode()
    assert len(err.splitlines()) == 1 and "missing.ttl" in err and "Traceback" not in err
    done = run_cli("export", "-f", "turtle", "--out", str(tmp_path))
    assert done.returncode == 2 and "is a folder" in done.stderr.decode() and len(done.stderr.splitlines()) == 1
    done = run_cli("export", "-f", "n3")
    assert done.returncode == 2 and "Traceback" not in done.stderr.decode()


# ---------------------------------------------------------------- JSON-LD and its context
def test_context_has_the_project_prefixes_and_valid_terms():
    from vitalegraph import paths
    from vitalegraph.namespaces import PREFIXES

    ctx = json.loads(paths.CONTEXT.read_text(encoding="utf-8"))["@context"]
    assert {k: v for k, v in ctx.items() if isinstance(v, str)} == PREFIXES
    terms = {k: v for k, v in ctx.items() if isinstance(v, dict)}
    assert len(terms) >= 40
    for term, definition in terms.items():
        assert term not in PREFIXES
        prefix, _, local = definition["@id"].partition(":")
        assert prefix in PREFIXES and local, term
        assert definition.get("@type", "@id") == "@id" or definition["@type"].startswith("xsd:")


def test_jsonld_is_compact_and_readable(trig):
    doc = json.loads(export(trig, "jsonld"))
    assert set(doc) == {"@context", "@graph"}
    team = next(n for n in doc["@graph"] if n["@id"].startswith("team:"))
    assert team["@type"] == "vg:AdoptionTeam"
    membership = next(n for n in doc["@graph"] if n.get("@type") == "org:Membership")
    assert membership["member"].startswith("person:") and membership["organization"].startswith("team:")
    assert not any(k.startswith("http") for n in doc["@graph"] for k in n)  # every key is a term or prefixed name


# ---------------------------------------------------------------- describe: VoID + DCAT
@pytest.fixture
def described(built, tmp_path):
    import shutil

    for f in built.files:
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


def _void(path: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(str(path), format="turtle")


def test_description_counts_and_checksums(described, built, monkeypatch):
    import hashlib

    from vitalegraph.dataset.describe import DATASET, TEXTS, write_description

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = write_description(built.quads, described)
    g = _void(path)
    VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
    DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
    DCT = rdflib.Namespace("http://purl.org/dc/terms/")
    ds = rdflib.URIRef(DATASET)
    assert (ds, rdflib.RDF.type, DCAT.Dataset) in g and (ds, rdflib.RDF.type, VOID.Dataset) in g
    assert int(g.value(ds, VOID.triples)) == built.counts["triples"]
    assert int(g.value(ds, VOID.properties)) > 50 and int(g.value(ds, VOID.classes)) > 20
    assert int(g.value(ds, VOID.entities)) > 1000
    assert rdflib.URIRef("http://www.w3.org/ns/org#") in set(g.objects(ds, VOID.vocabulary))
    assert len(set(g.objects(ds, VOID.exampleResource))) >= 3
    assert len(set(g.objects(ds, VOID.subset))) == 4
    # within each document's graph its text (NIF) is a subset of its own, with its triples
    for stem in ("000_23f3bdf0ae401321", "004_157f315819f9f14b"):
        graph, text = rdflib.URIRef(f"https://w3id.org/vitalegraph/graph/{stem}"), rdflib.URIRef(f"{TEXTS}/{stem}")
        assert set(g.objects(graph, VOID.subset)) == {text}
        assert 0 < int(g.value(text, VOID.triples)) < int(g.value(graph, VOID.triples))
    assert sum(int(g.value(rdflib.URIRef(f"{TEXTS}/{stem}"), VOID.triples))
               for stem in ("000_23f3bdf0ae401321", "004_157f315819f9f14b")) == built.counts["text triples"]
    assert g.value(ds, DCT.license) is not None
    assert g.value(ds, DCT.modified) is None and g.value(ds, VOID.sparqlEndpoint) is None
    # the press release by VROM; the project page's publisher is unknown
    assert {str(p) for p in g.objects(None, DCT.publisher)} == {"https://w3id.org/vitalegraph/id/department/vrom"}
    dists = list(g.objects(ds, DCAT.distribution))
    assert len(dists) == 2
    for dist in dists:
        name = str(g.value(dist, DCT.title))
        checksum = g.value(dist, SPDX.checksum)
        assert str(g.value(checksum, SPDX.checksumValue)) == hashlib.sha256((described / name).read_bytes()).hexdigest()
        assert int(g.value(dist, DCAT.byteSize)) == (described / name).stat().st_size
        assert str(g.value(dist, DCAT.mediaType)).startswith("https://www.iana.org/assignments/media-types/")


def test_statistics_equal_a_count_in_python(built):
    """The SPARQL-computed VoID figures equal the same sets built in Python from the quads."""
    from vitalegraph.dataset.describe import statistics
    from vitalegraph.namespaces import ID, RDF

    quads = built.quads
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert len(triples) < len(quads)     # some triples are stated in two graphs: they count once
    rdf_type = ox.NamedNode(str(RDF.type))
    subjects, objects = {s for s, _, _ in triples}, {o for _, _, o in triples}
    per_graph: dict = {}
    for q in quads:
        if isinstance(q.graph_name, ox.NamedNode):
            per_graph[q.graph_name.value] = per_graph.get(q.graph_name.value, 0) + 1
    stats = statistics(quads)
    assert stats.triples == len(triples) == built.counts["triples"]
    assert stats.subjects == len(subjects) and stats.objects == len(objects)
    assert stats.properties == len({p for _, p, _ in triples})
    assert stats.classes == len({o for _, p, o in triples if p == rdf_type})
    assert stats.entities == len({t for t in subjects | objects
                                  if isinstance(t, ox.NamedNode) and t.value.startswith(str(ID))})
    assert stats.graphs == sorted(per_graph.items())
    persons = sorted(s.value for s, p, o in triples
                     if p == rdf_type and o.value == "http://xmlns.com/foaf/0.1/Person" and isinstance(s, ox.NamedNode))
    assert persons[0] in stats.examples
    assert [d.value.rsplit("/", 1)[-1] for d in stats.documents] == ["000_23f3bdf0ae401321", "004_157f315819f9f14b"]
    # the build's route: the merged triples in a store's default graph, the graphs' sizes given
    merged = ox.Store()
    merged.extend(ox.Quad(s, p, o) for s, p, o in triples)
    assert statistics(merged, list(per_graph.items())) == stats
    assert built.statistics == stats


def test_description_is_byte_identical_and_lists_every_export(described, built, trig, monkeypatch):
    from vitalegraph.dataset.describe import write_description

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (described / "vitalegraph.jsonld").write_bytes(export(trig, "jsonld"))
    first = write_description(built.quads, described).read_bytes()
    second = write_description(trig, described).read_bytes()  # from the file, same description
    assert first == second
    assert first.count(b"dcat:Distribution") == 3 and b"application/ld+json" in first


def test_description_with_endpoint_and_dates(described, built, monkeypatch):
    from vitalegraph.dataset.describe import write_description

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    text = write_description(built.quads, described, endpoint="http://127.0.0.1:7878/query").read_text()
    assert "void:sparqlEndpoint <http://127.0.0.1:7878/query>" in text and "dcat:DataService" in text
    assert '"2023-11-14"^^xsd:date' in text
    text = write_description(built.quads, described, modified="2025-01-31").read_text()
    assert '"2025-01-31"^^xsd:date' in text


def test_describe_command(described, tmp_path):
    docs = tmp_path / "docs"
    done = run_cli("describe", "--data", str(described / "vitalegraph.trig"), "--docs", str(docs))
    assert done.returncode == 0, done.stderr
    assert (described / "void.ttl").is_file() and (docs / "index.html").is_file()
    done = run_cli("describe", "--data", str(described / "vitalegraph.trig"), "--no-docs", "--modified", "31-01-2025")
    assert done.returncode == 2 and "Traceback" not in done.stderr.decode()


# ---------------------------------------------------------------- ontology documentation
def test_ontology_docs_are_offline_and_complete(tmp_path):
    from vitalegraph import paths
    from vitalegraph.dataset.describe import write_ontology_docs

    page = write_ontology_docs(out_dir=tmp_path).read_text(encoding="utf-8")
    assert page == write_ontology_docs(out_dir=tmp_path).read_text(encoding="utf-8")
    assert "<script" not in page and "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r'\bsrc="', page)
    onto = rdflib.Graph().parse(str(paths.ONTOLOGY), format="turtle")
    for cls in onto.subjects(rdflib.RDF.type, rdflib.OWL.Class):
        assert f'id="vg-{str(cls).rsplit("#", 1)[1]}"' in page
    for text in ("adoptieteam", "adoption team", "rollen in een adoptieteam", "gemeentelijk verantwoordelijke",
                 "Object properties", "Datatype properties", "Concept schemes"):
        assert text in page


def test_shipped_ontology_docs_are_up_to_date():
    from vitalegraph.dataset.describe import DOCS_DIR, ontology_html

    shipped = DOCS_DIR / "index.html"
    if not shipped.is_file():
        pytest.skip("ontology/docs/index.html not generated yet (vitalegraph describe)")
    assert shipped.read_text(encoding="utf-8") == ontology_html(), "regenerate with `vitalegraph describe`"


def test_description_bytes_for_a_build_batch_equals_the_written_description(described, built, monkeypatch):
    """What build would write in one atomic batch is what write_description writes afterwards."""
    from vitalegraph.dataset.describe import description_bytes, write_description

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    files = {described / f.name: f.read_bytes() for f in built.files if f.name.startswith("vitalegraph.")}
    assert description_bytes(built.quads, files) == write_description(built.quads, described).read_bytes()
