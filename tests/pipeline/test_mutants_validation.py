"""Validation, held exactly: every SHACL constraint the SPARQL route compiles, on a node that keeps
it, one with too few values and one with too many, against pySHACL's verdict; the refusals of what
the route does not know; the report's text.

Written against the mutants that survived ``benchmarks/mutation.py validation``.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from vitalegraph.pipeline.validation import Report, Violation, compile_shapes, to_rdflib, validate, validate_store

PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .
@prefix vgs: <https://w3id.org/vitalegraph/shapes#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""

SHAPES = PREFIXES + """
vgs:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ; rdfs:label "things" ;
  sh:property [ sh:path ex:one ; sh:minCount 1 ; sh:maxCount 1 ] ;
  sh:property [ sh:path ex:two ; sh:minCount 2 ; sh:maxCount 2 ] ;
  sh:property [ sh:path ex:none ; sh:maxCount 0 ] ;
  sh:property [ sh:path ex:kind ; sh:class ex:Kind ] ;
  sh:property [ sh:path ex:year ; sh:datatype xsd:gYear ] ;
  sh:property [ sh:path ex:code ; sh:pattern "^[a-z]+$" ] ;
  sh:property [ sh:path ex:Code ; sh:pattern "^[a-z]+$" ; sh:flags "i" ] ;
  sh:property [ sh:path ex:start ; sh:minInclusive 0 ] ;
  sh:property [ sh:path ex:label ; sh:minLength 3 ] ;
  sh:property [ sh:path ex:member ; sh:qualifiedValueShape [ sh:class ex:Person ] ;
                sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ] ;
  sh:property [ sh:path ex:member2 ; sh:qualifiedValueShape [ a sh:Shape ; sh:class ex:Person ] ;
                sh:qualifiedMinCount 2 ; sh:qualifiedMaxCount 2 ] ;
  sh:property [ sh:path ex:member0 ; sh:qualifiedValueShape [ sh:class ex:Person ] ; sh:qualifiedMaxCount 0 ] .

vgs:KindShape a sh:NodeShape ; sh:targetClass ex:Kind ;
  sh:property [ sh:path ex:weight ; sh:minCount 1 ] .
ex:Kind a ex:ClassOfShapes .
vgs:Notes rdfs:seeAlso sh:NodeShape .
"""

DATA = PREFIXES + """
ex:SubThing rdfs:subClassOf ex:Thing .  ex:SubKind rdfs:subClassOf ex:Kind .  ex:Student rdfs:subClassOf ex:Person .
ex:k a ex:SubKind ; ex:weight 1 .  ex:p1 a ex:Person .  ex:p2 a ex:Student .  ex:p3 a ex:Person .
ex:good a ex:Thing ; ex:one 1 ; ex:two 1, 2 ; ex:kind ex:k ; ex:year "2006"^^xsd:gYear ; ex:code "abc" ;
  ex:Code "ABC" ; ex:start 0 ; ex:label "abc" ; ex:member ex:p1, ex:x ; ex:member2 ex:p1, ex:p2 ;
  ex:member0 ex:x .
ex:few a ex:SubThing ; ex:two 1 ; ex:kind ex:x ; ex:year "2006" ; ex:code "ab1" ; ex:Code "AB1" ;
  ex:start -1 ; ex:label "ab" ; ex:member ex:x ; ex:member2 ex:p1, ex:x .
ex:many a ex:Thing ; ex:one 1, 2 ; ex:two 1, 2, 3 ; ex:none 1 ; ex:member ex:p1, ex:p2 ; ex:member2 ex:p1, ex:p2, ex:p3 ;
  ex:member0 ex:p1 .
ex:kind2 a ex:Kind .
ex:other ex:one 1, 2 .
"""

EX = "https://example.org/"
SHAPE = "https://w3id.org/vitalegraph/shapes#ThingShape"
EXPECTED = {
    ("few", "one", "Less than 1 values"),
    ("few", "two", "Less than 2 values"),
    ("few", "kind", f"Value is not an instance of {EX}Kind"),
    ("few", "year", "Value is not a literal of datatype http://www.w3.org/2001/XMLSchema#gYear"),
    ("few", "code", "Value does not match the pattern"),
    ("few", "Code", "Value does not match the pattern"),
    ("few", "start", "Value is below the minimum"),
    ("few", "label", "Value is too short"),
    ("few", "member", "Less than 1 values conform to the qualified shape"),
    ("few", "member2", "Less than 2 values conform to the qualified shape"),
    ("many", "one", "More than 1 values"),
    ("many", "two", "More than 2 values"),
    ("many", "none", "More than 0 values"),
    ("many", "member", "More than 1 values conform to the qualified shape"),
    ("many", "member2", "More than 2 values conform to the qualified shape"),
    ("many", "member0", "More than 0 values conform to the qualified shape"),
    ("kind2", "weight", "Less than 1 values"),
}


def store_of(data: str, graph=None) -> ox.Store:
    store = ox.Store()
    g = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, g)
                 for t in ox.parse(data.encode(), format=ox.RdfFormat.TURTLE))
    return store


def shapes_file(tmp_path, text=SHAPES):
    path = tmp_path / "shapes.ttl"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_constraint_on_the_sparql_route(tmp_path):
    report = validate_store(store_of(DATA), shapes_file(tmp_path))
    assert not report.conforms and report.route == "SPARQL checks on Oxigraph"
    assert {(v.focus.removeprefix(EX), v.path.removeprefix(EX), v.message) for v in report.violations} == EXPECTED
    assert {v.shape for v in report.violations if v.focus != EX + "kind2"} == {SHAPE}
    assert [v.shape for v in report.violations if v.focus == EX + "kind2"] == [SHAPE.replace("Thing", "Kind")]
    assert report.violations == sorted(report.violations)


def test_pyshacl_gives_the_same_violations(tmp_path):
    quads = list(store_of(DATA, "https://example.org/g"))
    report = validate(to_rdflib(quads), shapes_file(tmp_path))
    assert report.conforms is False and report.route == "pySHACL"
    assert report.violations == validate_store(store_of(DATA), shapes_file(tmp_path)).violations
    assert report.violations == sorted(report.violations)
    few_one = next(v for v in report.violations if v.focus == EX + "few" and v.path == EX + "one")
    assert "Less than 1 values" in few_one.message                 # pySHACL's own message


def test_union_or_default_graph_only(tmp_path):
    store = store_of(DATA, "https://example.org/g")
    assert len(validate_store(store, shapes_file(tmp_path)).violations) == len(EXPECTED)
    assert validate_store(store, shapes_file(tmp_path), union=False).conforms


def test_a_conforming_graph(tmp_path):
    data = DATA.split("ex:few")[0]
    assert validate_store(store_of(data), shapes_file(tmp_path)) == Report(True, [], "SPARQL checks on Oxigraph")
    assert validate(to_rdflib(store_of(data)), shapes_file(tmp_path)) == Report(True)


def test_to_rdflib_merges_the_graphs_and_binds_the_prefixes():
    store = store_of("<https://w3id.org/vitalegraph/id/a> <http://xmlns.com/foaf/0.1/name> 'A' .", "https://example.org/g")
    g = to_rdflib(list(store))
    assert len(g) == 1 and str(next(iter(g))[2]) == "A"
    assert dict(g.namespaces())["vgid"].toPython() == "https://w3id.org/vitalegraph/id/"
    assert {p for p, _ in g.namespaces()} >= {"vg", "vgid", "foaf"}


@pytest.mark.parametrize("shape, message", [
    ("vgs:S a sh:NodeShape ; sh:targetNode ex:a ; sh:targetClass ex:T .",
     "only sh:targetClass targets are supported by the SPARQL route"),
    ("vgs:S a sh:NodeShape ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
     "only sh:targetClass targets are supported by the SPARQL route"),
    ("vgs:S a sh:NodeShape ; sh:targetClass ex:T ; sh:closed true .",
     "node-level constraint http://www.w3.org/ns/shacl#closed is not supported by the SPARQL route"),
    ("vgs:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .",
     "only IRI paths are supported by the SPARQL route"),
    ("vgs:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:p ; sh:maxLength 3 ; sh:nodeKind sh:IRI ] .",
     "http://www.w3.org/ns/shacl#maxLength is not supported by the SPARQL route"),
    ("vgs:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:p ; "
     "sh:qualifiedValueShape [ sh:datatype ex:D ] ; sh:qualifiedMinCount 1 ] .",
     "a qualified value shape other than sh:class is not supported"),
    ("vgs:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:p ; "
     "sh:qualifiedValueShape [ sh:class ex:C ; sh:datatype ex:D ] ; sh:qualifiedMinCount 1 ] .",
     "a qualified value shape other than sh:class is not supported"),
])
def test_what_the_sparql_route_does_not_know_is_refused(tmp_path, shape, message):
    with pytest.raises(ValueError) as err:
        compile_shapes(shapes_file(tmp_path, PREFIXES + shape))
    assert str(err.value) == f"https://w3id.org/vitalegraph/shapes#S: {message}"


def test_several_target_classes_and_a_labelled_shape(tmp_path):
    shapes = PREFIXES + ("vgs:S a sh:NodeShape ; sh:targetClass ex:B, ex:A ; rdfs:comment 'c' ; "
                         "sh:property [ sh:path ex:p ; sh:minCount 1 ] .")
    [check] = compile_shapes(shapes_file(tmp_path, shapes))
    assert (check.shape, check.path, check.message) == ("https://w3id.org/vitalegraph/shapes#S", f"{EX}p",
                                                        "Less than 1 values")
    assert f"VALUES ?targetClass {{ <{EX}A> <{EX}B> }}" in check.sparql
    report = validate_store(store_of(PREFIXES + "ex:a a ex:A . ex:b a ex:B ; ex:p 1 . ex:c a ex:C ."),
                            shapes_file(tmp_path, shapes))
    assert [v.focus for v in report.violations] == [f"{EX}a"]


def test_violation_text_and_report_summary():
    v = Violation("https://w3id.org/vitalegraph/id/person/x", SHAPE, "http://xmlns.com/foaf/0.1/name", "Less than 1 values")
    assert str(v) == "person:x violates vgs:ThingShape (foaf:name): Less than 1 values"
    assert str(Violation("https://w3id.org/vitalegraph/id/a", SHAPE, "", "m")) == "vgid:a violates vgs:ThingShape: m"
    assert v.key() == (v.focus, v.shape, v.path)
    assert Report(True, route="R").summary() == "conforms to the SHACL shapes (R)"
    many = Report(False, [Violation(f"https://w3id.org/vitalegraph/id/{i}", SHAPE, "", "m") for i in range(12)], "R")
    lines = many.summary().split("\n")
    assert lines[0] == "12 SHACL violation(s) (R):" and lines[1] == "  vgid:0 violates vgs:ThingShape: m"
    assert len(lines) == 12 and lines[-1] == "  ... and 2 more"
    assert many.summary(limit=12).split("\n")[-1] == "  vgid:11 violates vgs:ThingShape: m"
    assert len(many.summary(limit=11).split("\n")) == 13


def test_a_refused_shape_is_named_though_another_comes_first(tmp_path):
    shapes = PREFIXES + ("vgs:A a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .\n"
                         "vgs:S a sh:NodeShape ; sh:targetClass ex:T ; sh:targetNode ex:a .")
    with pytest.raises(ValueError) as err:
        compile_shapes(shapes_file(tmp_path, shapes))
    assert str(err.value).startswith("https://w3id.org/vitalegraph/shapes#S: ")
