"""The graph stage, held exactly: IRIs, literals, and every quad of a small hand-made model
(types and labels per document, facts per graph, evidence and spellings).

Written against the mutants that survived ``benchmarks/mutation.py graph``.
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox

from vitalegraph.namespaces import GRAPH, ID, PREFIXES
from vitalegraph.pipeline import graph
from vitalegraph.pipeline.graph import _literal, build_quad_tuples, build_quads, curie, graph_iri, iri, ontology_quads
from vitalegraph.pipeline.resolution import Entity, Evidence, Lit, Model, Ref
from vitalegraph.pipeline.sources import SourceDocument


def c(value: str) -> ox.NamedNode:
    prefix, local = value.split(":", 1)
    return ox.NamedNode(PREFIXES[prefix] + local)


def test_iris_and_curies(monkeypatch):
    monkeypatch.setattr(graph, "_nodes", {})                # the caches would answer without the code
    monkeypatch.setattr(graph, "_iris", {})
    assert iri("person/é a+b").value == f"{ID}person/%C3%A9%20a%2Bb"
    assert iri("x/a-b_c.d~e").value == f"{ID}x/a-b_c.d~e"
    assert iri("person/x") is iri("person/x")
    assert graph_iri("004 a/b~c").value == f"{GRAPH}004%20a%2Fb~c"
    assert curie("org:member") == ox.NamedNode("http://www.w3.org/ns/org#member")
    assert curie("vg:a:b") == ox.NamedNode(PREFIXES["vg"] + "a:b")
    assert curie("org:member") is curie("org:member")


def test_literals():
    assert _literal(Lit("org:Post", "curie")) == c("org:Post")
    assert _literal(Lit("https://example.org/x", "iri")) == ox.NamedNode("https://example.org/x")
    assert _literal(Lit("wijk", lang="nl")) == ox.Literal("wijk", language="nl")
    assert _literal(Lit("2006", "xsd:gYear")) == ox.Literal("2006", datatype=c("xsd:gYear"))
    assert _literal(Lit("plain")) == ox.Literal("plain")


def test_ontology_quads_are_in_the_ontology_graph(tmp_path):
    path = tmp_path / "ontology.data"                           # Turtle whatever the file is called
    path.write_text("<https://example.org/a> <https://example.org/p> 'x' .\n", encoding="utf-8")
    assert ontology_quads(str(path)) == [ox.Quad(ox.NamedNode("https://example.org/a"),
                                                 ox.NamedNode("https://example.org/p"), ox.Literal("x"),
                                                 graph_iri("ontology"))]


TEXT = "Anna Jansen (wethouder) en A. Jansen en anna jansen en Jansen."


def model() -> Model:
    doc = SourceDocument.from_bytes("dir/004_b.txt", TEXT.encode())
    other = SourceDocument.from_bytes("005_c.txt", b"Anna Jansen")
    anna = Entity("person/anna-jansen", "person", "Anna Jansen")
    anna.add("foaf:name", Lit("Anna Jansen"), "dir/004_b.txt")
    anna.add("foaf:name", Lit("Anna Jansen"), "005_c.txt")
    anna.add("org:memberOf", Ref("team/x"), None)
    anna.evidence.add(Evidence("dir/004_b.txt", 0, 23))
    anna.evidence.add(Evidence("005_c.txt", 0, 11))
    anna.spellings = {"A. Jansen": {Evidence("dir/004_b.txt", 27, 36): None},
                      "anna jansen": {Evidence("dir/004_b.txt", 40, 51): None},
                      "Anna Jansen": {Evidence("dir/004_b.txt", 0, 11): None, Evidence("005_c.txt", 0, 11): None},
                      "Jansen": {Evidence("dir/004_b.txt", 55, 61): None},
                      "AJ": {Evidence("dir/004_b.txt", 0, 4): None}}
    anna.notations = {"AJ"}
    anna.docs |= {"dir/004_b.txt", "005_c.txt"}
    pm = Entity("person/jan/peter", "person", "Jan Peter Balkenende")
    pm.spellings = {"Peter": {Evidence("005_c.txt", 0, 4): None}, "Balkenende": {Evidence("005_c.txt", 5, 9): None},
                    "a" * 81 + " b": {Evidence("005_c.txt", 0, 2): None}}
    team = Entity("team/x", "team", "Team X")
    team.add("vg:theme", Lit("Wonen", lang="nl"), "dir/004_b.txt")
    team.spellings = {"Team X": {Evidence("dir/004_b.txt", 0, 4): None},
                      "team x": {Evidence("dir/004_b.txt", 5, 9): None},
                      "Team-X": {Evidence("dir/004_b.txt", 12, 16): None}}
    return Model({e.key: e for e in (anna, team, pm)}, [doc, other])


G4, G5, REF = graph_iri("004_b"), graph_iri("005_c"), graph_iri("reference")
ANNA = ox.NamedNode(f"{ID}person/anna-jansen")


def evidence_quads(stem, start, end, graph, exact):
    node = ox.NamedNode(f"{ID}evidence/{stem}-{start}-{end}")
    q, pos = ox.NamedNode(node.value + "-quote"), ox.NamedNode(node.value + "-position")
    integer = c("xsd:integer")
    return node, {
        ox.Quad(node, c("rdf:type"), c("oa:SpecificResource"), graph),
        ox.Quad(node, c("oa:hasSource"), ox.NamedNode(f"{ID}source/{stem}"), graph),
        ox.Quad(node, c("oa:hasSelector"), q, graph),
        ox.Quad(node, c("oa:hasSelector"), pos, graph),
        ox.Quad(q, c("rdf:type"), c("oa:TextQuoteSelector"), graph),
        ox.Quad(q, c("oa:exact"), ox.Literal(exact), graph),
        ox.Quad(pos, c("rdf:type"), c("oa:TextPositionSelector"), graph),
        ox.Quad(pos, c("oa:start"), ox.Literal(str(start), datatype=integer), graph),
        ox.Quad(pos, c("oa:end"), ox.Literal(str(end), datatype=integer), graph),
    }


def of(quads, subject):
    return {q for q in quads if q.subject == subject}


def test_a_person_gets_types_labels_facts_and_evidence_per_document():
    quads = build_quads(model())
    ev4, ev4_quads = evidence_quads("004_b", 0, 23, G4, "Anna Jansen (wethouder)")
    ev5, ev5_quads = evidence_quads("005_c", 0, 11, G5, "Anna Jansen")
    assert ev4_quads <= quads and ev5_quads <= quads
    anna = of(quads, ANNA)
    assert {q for q in anna if q.predicate != c("vg:spelling") and q.predicate != c("skos:altLabel")
            and q.predicate != c("vg:mention")} == {
        ox.Quad(ANNA, c("rdf:type"), c("foaf:Person"), G4),
        ox.Quad(ANNA, c("rdf:type"), c("foaf:Person"), G5),
        ox.Quad(ANNA, c("rdf:type"), c("foaf:Person"), REF),           # a fact of the reference data
        ox.Quad(ANNA, c("skos:prefLabel"), ox.Literal("Anna Jansen"), REF),
        ox.Quad(ANNA, c("skos:prefLabel"), ox.Literal("Anna Jansen"), G4),
        ox.Quad(ANNA, c("skos:prefLabel"), ox.Literal("Anna Jansen"), G5),
        ox.Quad(ANNA, c("foaf:name"), ox.Literal("Anna Jansen"), G4),
        ox.Quad(ANNA, c("foaf:name"), ox.Literal("Anna Jansen"), G5),
        ox.Quad(ANNA, c("org:memberOf"), ox.NamedNode(f"{ID}team/x"), REF),
        ox.Quad(ANNA, c("vg:evidence"), ev4, G4),
        ox.Quad(ANNA, c("vg:evidence"), ev5, G5),
        ox.Quad(ANNA, c("prov:wasDerivedFrom"), ox.NamedNode(f"{ID}source/004_b"), G4),
        ox.Quad(ANNA, c("prov:wasDerivedFrom"), ox.NamedNode(f"{ID}source/005_c"), G5),
    }
    # evidence described once though it serves as evidence and as a mention
    assert len([q for q in quads if q.subject == ev5 and q.predicate == c("rdf:type")]) == 1


def test_spellings_and_which_are_variants():
    quads = build_quads(model())
    alt = {(q.object.value, q.graph_name) for q in of(quads, ANNA) if q.predicate == c("skos:altLabel")}
    assert alt == {("A. Jansen", G4)}     # not the label in another case, a notation, or a person's surname
    spell = ox.NamedNode(f"{ID}spelling/person-anna-jansen-a-jansen")
    assert of(quads, spell) == {
        ox.Quad(spell, c("rdf:type"), c("skosxl:Label"), G4),
        ox.Quad(spell, c("skosxl:literalForm"), ox.Literal("A. Jansen"), G4),
        ox.Quad(spell, c("dct:source"), ox.NamedNode(f"{ID}source/004_b"), G4),
        ox.Quad(spell, c("vg:mention"), ox.NamedNode(f"{ID}evidence/004_b-27-36"), G4),
    }
    assert ox.Quad(ANNA, c("vg:spelling"), spell, G4) in quads
    assert ox.Quad(ANNA, c("vg:mention"), ox.NamedNode(f"{ID}evidence/004_b-27-36"), G4) in quads
    assert evidence_quads("004_b", 27, 36, G4, "A. Jansen")[1] <= quads
    both = ox.NamedNode(f"{ID}spelling/person-anna-jansen-anna-jansen")
    assert {q.graph_name for q in of(quads, both) if q.predicate == c("dct:source")} == {G4, G5}
    assert {q.object for q in of(quads, both) if q.predicate == c("dct:source")} == {
        ox.NamedNode(f"{ID}source/004_b"), ox.NamedNode(f"{ID}source/005_c")}


def test_spellings_that_slug_alike_get_a_hash():
    quads = build_quads(model())
    team = ox.NamedNode(f"{ID}team/x")
    nodes = {q.object.value for q in of(quads, team) if q.predicate == c("vg:spelling")}
    digest = lambda s: hashlib.sha1(s.encode()).hexdigest()[:8]  # noqa: E731
    # sorted: 'Team X' < 'Team-X' < 'team x'; the first keeps the plain name
    assert nodes == {f"{ID}spelling/team-x-team-x", f"{ID}spelling/team-x-team-x-{digest('Team-X')}",
                     f"{ID}spelling/team-x-team-x-{digest('team x')}"}
    alt = {q.object.value for q in of(quads, team) if q.predicate == c("skos:altLabel")}
    assert alt == {"Team-X"}        # 'team x' differs from the label in case only
    assert not [q for q in of(quads, team) if q.predicate == c("skos:prefLabel")]   # a team is not labelled so
    assert ox.Quad(team, c("vg:theme"), ox.Literal("Wonen", language="nl"), G4) in quads
    assert ox.Quad(team, c("rdf:type"), c("vg:AdoptionTeam"), G4) in quads


def test_quad_tuples_keep_the_written_order_and_add_the_ontology(tmp_path):
    path = tmp_path / "o.ttl"
    path.write_text("<https://example.org/a> <https://example.org/p> 'x' .\n", encoding="utf-8")
    tuples = list(build_quad_tuples(model(), path))
    assert tuples[0][0] == ANNA and tuples[-1] == (ox.NamedNode("https://example.org/a"),
                                                   ox.NamedNode("https://example.org/p"), ox.Literal("x"),
                                                   graph_iri("ontology"))
    assert len(tuples) == len(set(tuples)) == len(build_quads(model(), path))
    assert {ox.Quad(*t) for t in tuples} == build_quads(model(), str(path))


def test_a_persons_surname_is_no_variant_but_a_middle_name_is_and_long_spellings_are_cut():
    quads = build_quads(model())
    pm = ox.NamedNode(f"{ID}person/jan/peter")
    assert {q.object.value for q in of(quads, pm) if q.predicate == c("skos:altLabel")} == {"Peter", "a" * 81 + " b"}
    nodes = {q.object.value for q in of(quads, pm) if q.predicate == c("vg:spelling")}
    # only the key's first '/' becomes '-'; a spelling's slug has at most 80 characters, cut at a word
    assert nodes == {f"{ID}spelling/person-jan/peter-peter", f"{ID}spelling/person-jan/peter-balkenende",
                     f"{ID}spelling/person-jan/peter-{'a' * 80}"}
